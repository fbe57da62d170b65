import Fluent
import Foundation
import Testing
import VaporTesting
@testable import PortalApp
@testable import PortalCore
@testable import PortalWeb
@testable import PortalMember
@testable import PortalBackOffice

@Suite("Sessions (SECURITY.md: session rows)")
struct SessionTests {
    @Test(arguments: TestDatabase.allCases)
    func signInIssuesANewSessionIdAndKillsTheOldOne(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            let browser = Browser(app)
            try await browser.signIn(stock: "unknown")
            let earlier = try #require(browser.cookies["portal_session"])
            let response = try await browser.signIn(stock: "erika")
            #expect(response.status == .seeOther)
            #expect(response.location == "/konto")
            let signedIn = try #require(browser.cookies["portal_session"])
            #expect(signedIn != earlier)
            #expect(signedIn.count == 43, "256-bit token, base64url")

            let replay = Browser(app)
            replay.cookies["portal_session"] = earlier
            let old = try await replay.get("/konto")
            #expect(old.status == .seeOther)
            #expect(old.location == "/")
            let dashboard = try await browser.get("/konto")
            #expect(dashboard.status == .ok)
            #expect(dashboard.body.string.contains("Erika Mustermann"))
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func theHotPathReadsSessionAccountAndMemberExactlyAsFluentDoes(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            let token = try #require(browser.cookies["portal_session"])
            let hash = app.portal.tokens.sessions.hash(token)
            let (session, loaded) = try #require(try await SessionMiddleware.session(tokenHash: hash, scope: .member, on: app.db))
            let (account, member, unread) = try #require(loaded)
            let fluentSession = try #require(try await PortalSession.query(on: app.db).filter(\.$tokenHash == hash).first())
            #expect(session.id == fluentSession.id && session.csrfToken == fluentSession.csrfToken)
            #expect(session.accountID == fluentSession.accountID && session.pseudonym == fluentSession.pseudonym)
            #expect(session.identityJSON == fluentSession.identityJSON)
            #expect(session.createdAt == fluentSession.createdAt && session.lastSeenAt == fluentSession.lastSeenAt)
            let fluentAccount = try #require(try await Account.find(account.id, on: app.db))
            #expect(account.pseudonym == fluentAccount.pseudonym && account.state == fluentAccount.state)
            #expect(account.activatedAt == fluentAccount.activatedAt && account.$member.id == fluentAccount.$member.id)
            let fluentMember = try #require(try await Member.find(member.id, on: app.db))
            #expect(member.memberNumber == "10001/01" && member.memberNumber == fluentMember.memberNumber)
            #expect(member.familyName == fluentMember.familyName && member.givenNames == fluentMember.givenNames)
            #expect(member.birthName == fluentMember.birthName && member.academicDegree == fluentMember.academicDegree)
            #expect(member.dateOfBirth == fluentMember.dateOfBirth && member.status == fluentMember.status)
            #expect(member.street == fluentMember.street && member.postalCode == fluentMember.postalCode)
            #expect(member.city == fluentMember.city && member.country == fluentMember.country)
            #expect(member.updatedAt == fluentMember.updatedAt)
            #expect(member.latestContributions != nil && member.latestContributions == fluentMember.latestContributions)
            #expect(member.latestPayments == fluentMember.latestPayments)
            let unreadByFluent = try await InboxMessage.query(on: app.db).filter(\.$memberID == member.requireID()).filter(\.$readAt == nil).count()
            #expect(unread == unreadByFluent)
            // A session before registration has no account: the LEFT JOINs give empty columns, not an error.
            let unregistered = Browser(app)
            try await unregistered.signIn(stock: "unknown")
            let unregisteredHash = app.portal.tokens.sessions.hash(try #require(unregistered.cookies["portal_session"]))
            let (bare, none) = try #require(try await SessionMiddleware.session(tokenHash: unregisteredHash, scope: .member, on: app.db))
            #expect(bare.accountID == nil && bare.pseudonym == "stock-max-beispiel")
            #expect(none == nil)
            #expect(try await SessionMiddleware.session(tokenHash: String(repeating: "0", count: 64), scope: .member, on: app.db) == nil)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func sessionIsStoredHashedNotAsTheCookieValue(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            let token = try #require(browser.cookies["portal_session"])
            let rows = try await PortalSession.query(on: app.db).all()
            #expect(!rows.isEmpty)
            #expect(rows.allSatisfy { $0.tokenHash != token && !$0.tokenHash.contains(token) })
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func idleTimeoutEndsTheSessionJustAfterTheLimitNotBefore(_ db: TestDatabase) async throws {
        try await withPortal(db, environment: ["PORTAL_SESSION_IDLE_SECONDS": "900"]) { app, clock in
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            clock.advance(by: 899)
            #expect(try await browser.get("/konto").status == .ok, "one second before the idle limit")
            clock.advance(by: 899)
            #expect(try await browser.get("/konto").status == .ok, "activity restarted the idle timer")
            clock.advance(by: 901)
            let expired = try await browser.get("/konto")
            #expect(expired.status == .seeOther)
            #expect(expired.location == "/?abgelaufen=1")
            let start = try await browser.get("/")
            #expect(start.status == .ok)
            #expect(browser.cookies["portal_session"] == nil)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func absoluteTimeoutEndsTheSessionEvenWhenActive(_ db: TestDatabase) async throws {
        try await withPortal(db, environment: ["PORTAL_SESSION_ABSOLUTE_SECONDS": "3600", "PORTAL_SESSION_IDLE_SECONDS": "900"]) { app, clock in
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            for _ in 0..<4 {
                clock.advance(by: 890)
                #expect(try await browser.get("/konto").status == .ok)
            }
            clock.advance(by: 39) // 3599 s after sign-in
            #expect(try await browser.get("/konto").status == .ok)
            clock.advance(by: 2)
            #expect(try await browser.get("/konto").location == "/?abgelaufen=1")
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func statusReportsTheRemainingTimeWithoutExtendingIt(_ db: TestDatabase) async throws {
        try await withPortal(db, environment: ["PORTAL_SESSION_IDLE_SECONDS": "900"]) { app, clock in
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            clock.advance(by: 800)
            let status = try await browser.get("/sitzung/status")
            let decoded = try JSONDecoder().decode(SessionStatus.self, from: status.body)
            #expect(decoded.signedIn)
            #expect(decoded.remainingSeconds == 100)
            clock.advance(by: 101)
            #expect(try await browser.get("/konto").location == "/?abgelaufen=1", "polling the status did not keep the session alive")
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func staySignedInResetsTheIdleTimer(_ db: TestDatabase) async throws {
        try await withPortal(db, environment: ["PORTAL_SESSION_IDLE_SECONDS": "900"]) { app, clock in
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            clock.advance(by: 850)
            let extend = try await browser.post("/sitzung/verlaengern", form: ["zurueck": "/konto/profil"],
                                                headers: ["Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"])
            #expect(extend.status == .seeOther)
            #expect(extend.location == "/konto/profil")
            clock.advance(by: 850)
            #expect(try await browser.get("/konto").status == .ok)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func signOutEndsEverySessionOfTheMember(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            let laptop = Browser(app)
            let phone = Browser(app)
            try await laptop.signIn(stock: "erika")
            try await phone.signIn(stock: "erika")
            let phoneCookie = try #require(phone.cookies["portal_session"])
            let out = try await laptop.post("/abmelden", form: [:])
            #expect(out.status == .seeOther)
            #expect(out.location == "/?abgemeldet=1")
            #expect(laptop.cookies["portal_session"] == nil)
            let replay = Browser(app)
            replay.cookies["portal_session"] = phoneCookie
            #expect(try await replay.get("/konto").location == "/")
            #expect(try await PortalSession.query(on: app.db).filter(\.$pseudonym == "stock-erika-mustermann").count() == 0)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func unknownCardLandsOnTheRegistration(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            let browser = Browser(app)
            let response = try await browser.signIn(stock: "unknown")
            #expect(response.location == "/registrierung")
            let page = try await browser.get("/registrierung")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("Registrierung"))
            #expect(try await browser.get("/konto").location == "/registrierung")
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func malformedOrUnknownCookiesAreIgnoredNotErrors(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            for value in ["", "x", String(repeating: "A", count: 43), "%00%ff", String(repeating: "ä", count: 5000), "a;b=c"] {
                let browser = Browser(app)
                browser.cookies["portal_session"] = value
                let response = try await browser.get("/konto")
                #expect(response.status == .seeOther, "cookie \(value.prefix(10))")
                #expect(try await browser.get("/").status == .ok)
            }
        }
    }
}
