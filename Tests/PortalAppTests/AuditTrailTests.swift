import Fluent
import Foundation
import PortalDomain
import SQLKit
import Testing
import VaporTesting
@testable import PortalApp
@testable import PortalCore
@testable import PortalWeb
@testable import PortalMember
@testable import PortalBackOffice

@Suite("Audit trail: members' requests, operators' reads, append-only")
struct AuditTrailTests {
    static func entries(_ app: Application, _ action: String) async throws -> [AuditEntry] {
        try await AuditEntry.query(on: app.db).filter(\.$action == action).all()
    }

    static func erikaID(_ app: Application) async throws -> UUID {
        try #require(try await Member.query(on: app.db).filter(\.$memberNumber == "10001/01").first()).requireID()
    }

    @Test(arguments: TestDatabase.allCases)
    func certificateAndDocumentRequestsAreRecorded(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            #expect(try await browser.post("/konto/bescheinigungen", form: ["kind": "membership"]).status == .seeOther)
            let certificate = try await Self.entries(app, "certificate.request")
            #expect(certificate.count == 1)
            #expect(certificate.first?.memberID == (try await Self.erikaID(app)))
            #expect(certificate.first?.actor.hasPrefix("account:") == true)

            try await runDueJobs(app)
            let document = try #require(try await Document.query(on: app.db).first())
            try await app.portal.archive.takeOffline(document, on: app.db)
            let path = "/konto/dokumente/\(try document.requireID().uuidString)/anfordern"
            #expect(try await browser.post(path, form: [:]).status == .seeOther)
            let request = try await Self.entries(app, "document.request")
            #expect(request.map(\.detail) == ["{\"client\":\"unknown\",\"document\":\"\(try document.requireID().uuidString)\"}"],
                    "the document's id and the client's address (the in-memory tester has no peer), nothing else")
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func addressChangesAreRecordedWithoutTheAddress(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            try await NotificationTests.confirmAddress("erika@example.org", browser, app)
            try await browser.post("/konto/profil/benachrichtigungen", form: ["email": "", "notify": "nein"])
            let actions = try await AuditEntry.query(on: app.db).filter(\.$action ~~ ["notifications.address.pending",
                "notifications.address.confirmed", "notifications.address.removed"]).sort(\.$occurredAt).all()
            #expect(Set(actions.map(\.action)).count == 3)
            #expect(actions.allSatisfy { $0.memberID != nil })
            #expect(actions.allSatisfy { !$0.detail.contains("@") && !$0.actor.contains("@") }, "no address in the trail")
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func openingAnInboxMessageIsRecorded(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            let erikaID = try await Self.erikaID(app)
            try await Inbox.post(.documentProvided, to: erikaID, parameters: ["Bescheid"], on: app.db, at: clock.now())
            let message = try #require(try await InboxMessage.query(on: app.db).filter(\.$memberID == erikaID).first())
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            #expect(try await browser.get("/konto/posteingang/\(try message.requireID().uuidString)").status == .ok)
            let opened = try await Self.entries(app, "inbox.open")
            #expect(opened.map(\.memberID) == [erikaID])
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func operatorsReadsAreRecordedUnderTheirName(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            try await browser.post("/hilfe/kontakt", form: ["topic": "question", "text": "Eine Frage"])
            try await browser.post("/konto/profil/benachrichtigungen", form: ["email": "erika@example.org", "notify": "ja"])
            let messageID = try #require(try await ContactMessage.query(on: app.db).first()?.requireID().uuidString)
            let jobID = try #require(try await app.portal.jobs.queue.list(state: nil, limit: 10).first?.id)

            _ = try await runCommand(app, ["contact", "list", "--operator", "m.schulz"])
            _ = try await runCommand(app, ["contact", "show", messageID, "--operator", "m.schulz"])
            _ = try await runCommand(app, ["documents", "list", "10001/01", "--operator", "m.schulz"])
            _ = try await runCommand(app, ["registrations", "list", "--operator", "m.schulz"])
            _ = try await runCommand(app, ["jobs", "show", "\(jobID)", "--operator", "m.schulz"])

            let reads = try await AuditEntry.query(on: app.db).filter(\.$actor == "operator:m.schulz").all()
            #expect(Set(reads.map(\.action)) == ["contact.list", "contact.show", "document.list", "registration.list", "job.show"])
            let erikaID = try await Self.erikaID(app)
            #expect(reads.filter { $0.action.hasPrefix("contact.") || $0.action == "document.list" }.allSatisfy { $0.memberID == erikaID })
        }
    }

    @Test
    func withoutTheOptionTheOperatorIsTheSystemUserOrWhoeverCalledSudo() throws {
        #expect(try OperatorName.actor(option: nil, environment: ["SUDO_USER": "m.schulz", "USER": "root"], effectiveUID: 0) == .operator(name: "m.schulz"))
        #expect(try OperatorName.actor(option: nil, environment: ["SUDO_USER": "m.schulz"], effectiveUID: 4_242_424) != .operator(name: "m.schulz"),
                "without root, SUDO_USER is only a variable anyone can set")
        let own = try OperatorName.actor(option: nil, environment: [:]).auditValue
        #expect(own.hasPrefix("operator:") && own != "operator:cli" && own.count > "operator:".count)
        #expect(throws: OperatorName.Invalid.self) { try OperatorName.actor(option: "eve\u{1B}[2J") }
    }

    @Test
    func aCommandWithoutTheOptionRecordsTheSystemUser() async throws {
        try await withPortal(.sqlite) { app, _ in
            _ = try await runCommand(app, ["registrations", "list"])
            let entry = try #require(try await Self.entries(app, "registration.list").first)
            #expect(entry.actor == "operator:" + OperatorName.systemUser())
            #expect(entry.actor != "operator:cli")
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func theTrailRefusesUpdateDeleteAndTruncate(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            try await Browser(app).signIn(stock: "erika")
            let sql = app.db as! any SQLDatabase
            let before = try await AuditEntry.query(on: app.db).count()
            #expect(before > 0)
            await #expect(throws: (any Error).self) { try await sql.raw("UPDATE audit_entries SET action = 'forged'").run() }
            await #expect(throws: (any Error).self) { try await sql.raw("DELETE FROM audit_entries").run() }
            if db == .postgres {
                await #expect(throws: (any Error).self) { try await sql.raw("TRUNCATE audit_entries").run() }
            }
            #expect(try await AuditEntry.query(on: app.db).count() == before)
        }
    }

    @Test
    func theTruncateGuardRevertsCleanlyOnPostgreSQL() async throws {
        try await withPortal(.postgres) { app, _ in
            let sql = app.db as! any SQLDatabase
            try await GuardAuditTruncate().revert(on: app.db)
            try await sql.raw("TRUNCATE audit_entries").run()
            #expect(try await AuditEntry.query(on: app.db).count() == 0, "without the guard TRUNCATE goes through: the guard is what stops it")
            try await GuardAuditTruncate().prepare(on: app.db)
            await #expect(throws: (any Error).self) { try await sql.raw("TRUNCATE audit_entries").run() }
        }
    }
}
