import Fluent
import Foundation
import Testing
import VaporTesting
@testable import PortalApp
@testable import PortalCore
@testable import PortalWeb
@testable import PortalMember
@testable import PortalBackOffice

@Suite("Inbox")
struct InboxTests {
    @Test(arguments: TestDatabase.allCases)
    func activationWritesAWelcomeMessageThatOpeningMarksRead(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            let browser = Browser(app)
            try await browser.signIn(stock: "lysky")
            try await browser.register("10003/01")
            clock.advance(by: 10)
            try await runDueJobs(app)
            try await browser.get("/registrierung")
            let dashboard = try await browser.get("/konto").body.string
            #expect(dashboard.contains("1 ungelesen"))
            let inbox = try await browser.get("/konto/posteingang").body.string
            #expect(inbox.contains("Willkommen im Mitgliederportal"))
            #expect(inbox.contains("Ungelesen:"))
            let href = try #require(inbox.range(of: "href=\"/konto/posteingang/").map { range in
                "/konto/posteingang/" + inbox[range.upperBound...].prefix { $0 != "\"" }
            })
            let message = try await browser.get(href)
            #expect(message.status == .ok)
            #expect(message.body.string.contains("mit dem Ausweis oder der eID, mit der Sie sich registriert haben"))
            #expect(!(try await browser.get("/konto").body.string.contains("ungelesen")), "read now")
            browser.cookies["lang"] = "en"
            #expect(try await browser.get(href).body.string.contains("Welcome to the member portal"), "shown in the reader's language")
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func anotherMembersMessageIsTheSame404AsAMissingOne(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            let lysky = try #require(try await Member.query(on: app.db).filter(\.$memberNumber == "10003/01").first())
            try await Inbox.post(.documentProvided, to: try lysky.requireID(), parameters: ["Bescheid"], on: app.db, at: clock.now())
            let foreign = try #require(try await InboxMessage.query(on: app.db).filter(\.$memberID == lysky.requireID()).first())
            let erika = Browser(app)
            try await erika.signIn(stock: "erika")
            let other = try await erika.get("/konto/posteingang/\(try foreign.requireID().uuidString)")
            let missing = try await erika.get("/konto/posteingang/\(UUID().uuidString)")
            let garbage = try await erika.get("/konto/posteingang/not-a-uuid")
            #expect(other.status == .notFound)
            #expect(missing.status == .notFound)
            #expect(garbage.status == .notFound)
            #expect(!other.body.string.contains("Bescheid"))
            #expect(try await InboxMessage.find(foreign.id, on: app.db)?.readAt == nil, "not marked read by a stranger")
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func theInboxIsPagedNewestFirst(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            let erika = try #require(try await Member.query(on: app.db).filter(\.$memberNumber == "10001/01").first())
            for index in 1...25 {
                clock.advance(by: 60)
                try await Inbox.post(.documentProvided, to: try erika.requireID(), parameters: ["Dokument \(index)"], on: app.db, at: clock.now())
            }
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            let first = try await browser.get("/konto/posteingang").body.string
            #expect(first.contains("Neues Dokument: Dokument 25"))
            #expect(!first.contains("Neues Dokument: Dokument 5<"))
            #expect(first.contains("Seite 1 von 2"))
            let second = try await browser.get("/konto/posteingang?seite=2").body.string
            #expect(second.contains("Neues Dokument: Dokument 5<") || second.contains("Neues Dokument: Dokument 5 "))
            #expect(second.contains("Willkommen im Mitgliederportal"), "the oldest message is last")
            #expect(try await browser.get("/konto/posteingang?seite=999").status == .ok)
            #expect(try await browser.get("/konto/posteingang?seite=abc").status != .internalServerError)
        }
    }
}
