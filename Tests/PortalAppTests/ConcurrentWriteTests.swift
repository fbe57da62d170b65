import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting
@testable import PortalApp
@testable import PortalCore
@testable import PortalWeb
@testable import PortalMember
@testable import PortalBackOffice

/// SECURITY.md "concurrency": no 5xx and no lost write under concurrent
/// writers, on a real SQLite file as on PostgreSQL.
@Suite("Concurrent writes")
struct ConcurrentWriteTests {
    static let clients = 8
    static let writesPerClient = 50

    /// Binds `count` demo members to fresh pseudonyms and signs each in with its own browser.
    static func signedInMembers(_ app: Application, count: Int) async throws -> [(Browser, UUID)] {
        let members = try await Member.query(on: app.db).sort(\.$memberNumber).range(0..<count).all()
        try #require(members.count == count)
        var browsers: [(Browser, UUID)] = []
        for (index, member) in members.enumerated() {
            try await Account.query(on: app.db).filter(\.$member.$id == member.requireID()).delete()
            try await Account(memberID: member.requireID(), pseudonym: pseudonym(index), activatedAt: testStart).create(on: app.db)
            let browser = Browser(app)
            try await signIn(browser, index)
            browsers.append((browser, try member.requireID()))
        }
        return browsers
    }

    static func pseudonym(_ index: Int) -> String { "load-member-\(index)" }

    /// Signs the `index`th member of `signedInMembers` in (again).
    static func signIn(_ browser: Browser, _ index: Int) async throws {
        let response = try await browser.signIn(family: "LAST", given: "LOAD", born: "1970-01-01", pseudonym: pseudonym(index))
        try #require(response.location == "/konto")
    }

    @Test(arguments: TestDatabase.allCases)
    func eightMembersWritingAtOnceWithAnonymousVisitorsLoseNothing(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            let members = try await Self.signedInMembers(app, count: Self.clients)
            let sessionsBefore = try await PortalSession.query(on: app.db).count()
            let statuses = try await withThrowingTaskGroup(of: [UInt].self) { group in
                for (client, (browser, _)) in members.enumerated() {
                    group.addTask {
                        let token = try await browser.csrfToken()
                        var codes: [UInt] = []
                        for write in 0..<Self.writesPerClient {
                            let response = write.isMultiple(of: 2)
                                ? try await browser.post("/konto/profil/benachrichtigungen",
                                                         form: ["email": "m\(client)-\(write)@example.org", "notify": "ja", "csrf_token": token])
                                : try await browser.post("/hilfe/kontakt",
                                                         form: ["topic": "question", "text": "Frage \(write)", "csrf_token": token])
                            codes.append(response.status.code)
                        }
                        return codes
                    }
                }
                // Anonymous visitors, as a crawler would come, at the same time.
                for _ in 0..<2 {
                    group.addTask {
                        var codes: [UInt] = []
                        for round in 0..<Self.writesPerClient {
                            let visitor = Browser(app)
                            codes.append(try await visitor.get("/dev/eid").status.code)
                            codes.append(try await visitor.get("/email-bestaetigen?token=t\(round)").status.code)
                        }
                        return codes
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            #expect(statuses.filter { $0 >= 500 }.isEmpty, "5xx: \(statuses.filter { $0 >= 500 }.count)")
            #expect(statuses.filter { $0 == 303 }.count == Self.clients * Self.writesPerClient, "every write answered with its redirect")
            let half = Self.writesPerClient / 2
            #expect(try await ContactMessage.query(on: app.db).count() == Self.clients * half)
            for (client, (_, memberID)) in members.enumerated() {
                let setting = try await NotificationSetting.query(on: app.db).filter(\.$memberID == memberID).first()
                #expect(setting?.pendingEmail == "m\(client)-\(Self.writesPerClient - 2)@example.org")
            }
            let mails = try await app.portal.jobs.queue.list(state: nil, limit: 10_000).filter { $0.kind == PortalJobKinds.mailSend.name }
            #expect(mails.count == Self.clients * half, "one confirmation mail per saved address")
            #expect(try await PortalSession.query(on: app.db).count() == sessionsBefore, "anonymous page views write no session")
        }
    }

    /// The database blob store writes through its own connection: it must not
    /// wait for a write transaction's lock that its own job holds.
    @Test(arguments: TestDatabase.allCases)
    func jobsFileAndRestoreDocumentsWithTheBlobStoreInTheDatabase(_ db: TestDatabase) async throws {
        try await withPortal(db, environment: ["PORTAL_BLOB_STORE": "database"]) { app, _ in
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            let status = try await DocumentsAndCertificatesTests.requestCertificate(browser, app, kind: "membership")
            #expect(try await runDueJobs(app) == 1)
            #expect(try await browser.get(status).body.string.contains("data-certificate-state=\"ready\""))
            let document = try #require(try await Document.query(on: app.db).filter(\.$category == .certificate).first())
            try await app.portal.archive.takeOffline(document, on: app.db)
            #expect(try await browser.post("/konto/dokumente/\(try document.requireID().uuidString)/anfordern", form: [:]).status == .seeOther)
            #expect(try await runDueJobs(app) == 1)
            let restored = try #require(try await Document.find(document.id, on: app.db))
            #expect(restored.availability == .online)
            #expect(try await browser.get("/konto/dokumente/\(try document.requireID().uuidString)").status == .ok)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func anonymousPagesCarryAWorkingFormTokenWithoutASessionRow(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            let visitor = Browser(app)
            let token = try await visitor.csrfToken()
            #expect(visitor.cookies["portal_session"] == nil)
            #expect(visitor.cookies["portal_csrf"] != nil)
            #expect(try await PortalSession.query(on: app.db).count() == 0)
            let forged = Browser(app)
            forged.cookies["portal_csrf"] = TokenHasher.randomToken()
            #expect(try await forged.post("/dev/eid", form: ["stock": "erika", "csrf_token": token]).status == .forbidden,
                    "the token belongs to the other visitor's cookie")
            #expect(try await visitor.post("/dev/eid", form: ["stock": "erika", "csrf_token": token]).location == "/konto")
            #expect(try await PortalSession.query(on: app.db).count() == 1)
        }
    }

    @Test
    func everySQLiteConnectionWaitsForTheLockInsteadOfFailing() async throws {
        try await withPortal(.sqlite) { app, _ in
            for eventLoop in app.eventLoopGroup.makeIterator() {
                let db = try #require(app.databases.database(logger: app.logger, on: eventLoop) as? any SQLDatabase)
                let row = try #require(try await db.raw("PRAGMA busy_timeout").first())
                let column = try #require(row.allColumns.first)
                #expect(try row.decode(column: column, as: Int.self) == SQLiteBusyTimeout.milliseconds)
            }
        }
    }

    @Test
    func aWriteTransactionOpenedInsideAnotherOnAnotherConnectionIsRefusedAtOnce() async throws {
        try await withPortal(.sqlite) { app, _ in
            await #expect(throws: NestedWriteTransaction.self) {
                try await app.db.writeTransaction { _ in try await app.db.writeTransaction { _ in } }
            }
            try await app.db.writeTransaction { db in try await db.writeTransaction { _ in } }
        }
    }
}
