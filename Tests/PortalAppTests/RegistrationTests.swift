import Fluent
import Foundation
import PortalDomain
import Testing
import VaporTesting
@testable import PortalApp
@testable import PortalCore
@testable import PortalWeb
@testable import PortalMember
@testable import PortalBackOffice

@Suite("First registration and matching")
struct RegistrationTests {
    @Test(arguments: TestDatabase.allCases)
    func matchingIdentityIsActivatedAfterTheSecurityDelay(_ db: TestDatabase) async throws {
        try await withPortal(db, environment: ["PORTAL_REGISTRATION_DELAY_SECONDS": "5"]) { app, clock in
            let browser = Browser(app)
            #expect(try await browser.signIn(stock: "lysky").location == "/registrierung")
            let form = try await browser.get("/registrierung").body.string
            #expect(form.contains("name=\"member_number\"") && form.contains("name=\"privacy_consent\""))
            #expect(form.contains("href=\"/datenschutz\""))
            let beforeCookie = browser.cookies["portal_session"]

            let sent = try await browser.register("  10003/01 ")
            #expect(sent.location == "/registrierung")
            #expect(try await browser.registrationState() == "pending")
            #expect(try await browser.get("/registrierung").body.string.contains("Voraussichtlich um 10:00 Uhr"))
            #expect(try await runDueJobs(app) == 0, "the security delay holds the job back")

            clock.advance(by: 6)
            #expect(try await runDueJobs(app) == 1)
            let entered = try await browser.get("/registrierung")
            #expect(entered.location == "/konto?willkommen=1")
            #expect(browser.cookies["portal_session"] != beforeCookie, "new session id on activation")
            let profile = try await browser.get("/konto/profil").body.string
            #expect(profile.contains("Graf von Lýsky"))
            let account = try #require(try await Account.query(on: app.db).filter(\.$pseudonym == StockIdentities.lysky.pseudonym).first())
            #expect(account.state == .active)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "registration.activated").count() == 1)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func partialBirthDateGoesToReviewAndACaseWorkerApproves(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            let browser = Browser(app)
            try await browser.signIn(stock: "agca")
            try await browser.register("10002/01")
            clock.advance(by: 10)
            try await runDueJobs(app)
            #expect(try await browser.registrationState() == "review")
            #expect(try await browser.get("/konto").location == "/registrierung")

            let registration = try #require(try await Registration.query(on: app.db).filter(\.$state == .review).first())
            #expect(registration.reason == "partialBirthDate")
            try await RegistrationReview.decide(try registration.requireID(), approve: true, on: app.db, at: clock.now(), actor: .operator(name: "test"), jobs: app.portal.jobs,
                                               retiredCards: app.portal.tokens.retiredCards)
            #expect(try await browser.get("/registrierung").location == "/konto?willkommen=1")
            #expect(try await browser.get("/konto").status == .ok)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func rejectionIsNeutralWhetherTheNameOrTheNumberIsWrong(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            let wrongName = Browser(app)
            try await wrongName.signIn(stock: "unknown")
            try await wrongName.register("10001/01")
            let unknownNumber = Browser(app)
            try await unknownNumber.signIn(family: "BEISPIEL", given: "MAXI", born: "1981-01-01", pseudonym: "card-maxi")
            try await unknownNumber.register("77777/01")
            clock.advance(by: 10)
            #expect(try await runDueJobs(app) == 2)
            let first = try await wrongName.get("/registrierung").body.string
            let second = try await unknownNumber.get("/registrierung").body.string
            #expect(first.contains("data-registration-state=\"rejected\""))
            #expect(second.contains("data-registration-state=\"rejected\""))
            func mainText(_ html: String) -> String {
                let start = html.range(of: "<main")!.lowerBound, end = html.range(of: "</main>")!.upperBound
                return String(html[start..<end])
            }
            #expect(mainText(first) == mainText(second), "the person never learns which field failed or whether the number exists")
            for leak in ["familyName", "unknownMemberNumber", "Familienname", "existiert", "Mustermann"] {
                #expect(!first.contains(leak))
            }
            let reasons = try await Registration.query(on: app.db).filter(\.$state == .rejected).all().compactMap(\.reason).sorted()
            #expect(reasons == ["familyName", "unknownMemberNumber"], "the detail is kept for case workers")
            #expect(try await Account.query(on: app.db).count() == 1, "only Erika's demo account")
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func badInputGetsAMessageNamingTheFormat(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            let browser = Browser(app)
            try await browser.signIn(stock: "lysky")
            for bad in ["10003-01", "1000301", "10003/1", "abc", "10003 /01"] {
                let response = try await browser.register(bad)
                #expect(response.status == .unprocessableEntity, "\(bad)")
                let html = response.body.string
                #expect(html.contains("Geben Sie die Mitgliedsnummer mit Schrägstrich ein, zum Beispiel 99999/01."))
                #expect(html.contains("href=\"#member_number\""))
            }
            let noConsent = try await browser.register("10003/01", consent: false)
            #expect(noConsent.status == .unprocessableEntity)
            #expect(noConsent.body.string.contains("Datenschutzerklärung zur Kenntnis genommen haben"))
            #expect(noConsent.body.string.contains("value=\"10003/01\""), "the typed number is kept")
            let empty = try await browser.register("")
            #expect(empty.body.string.contains("Geben Sie Ihre Mitgliedsnummer ein"))
            #expect(try await Registration.query(on: app.db).count() == 0)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aSecondSubmissionWhilePendingStoresNothing(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            let browser = Browser(app)
            try await browser.signIn(stock: "lysky")
            try await browser.register("10003/01")
            let replay = try await browser.register("10003/01")
            #expect(replay.location == "/registrierung")
            try await browser.register("10004/01")
            #expect(try await Registration.query(on: app.db).count() == 1)
            #expect(try await app.portal.jobs.queue.list().count(where: { $0.kind == "registration.match" }) == 1)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func theSixthAttemptIn24HoursIsRefusedPerCardAndPerNumber(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            let browser = Browser(app)
            try await browser.signIn(family: "FALSCH", given: "VERSUCH", born: "1970-01-01", pseudonym: "card-attempts")
            for _ in 0..<5 {
                #expect(try await browser.register("10004/01").status == .seeOther)
                clock.advance(by: 10)
                try await runDueJobs(app)
                #expect(try await browser.registrationState() == "rejected")
            }
            let refused = try await browser.register("10004/01")
            #expect(refused.status == .tooManyRequests)
            #expect(Int(refused.headers.first(name: "Retry-After") ?? "") ?? 0 > 0)
            #expect(try await Registration.query(on: app.db).count() == 5)

            let otherCard = Browser(app)
            try await otherCard.signIn(family: "ANDERS", given: "KARTE", born: "1970-01-01", pseudonym: "card-other")
            #expect(try await otherCard.register("10004/01").status == .tooManyRequests, "the member number's limit counts every card")
            clock.advance(by: 24 * 3600)
            #expect(try await browser.register("10004/01").status == .seeOther, "the window slides")
        }
    }

    /// SECURITY.md "concurrency": N parallel attempts against a limit. Each
    /// card signs in first; then all post the same number at once.
    @Test(arguments: TestDatabase.allCases)
    func fourteenCardsPostingOneNumberAtOnceStoreExactlyFive(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            var cards: [Browser] = []
            for index in 0..<14 {
                let card = Browser(app)
                try await card.signIn(family: "PARALLEL", given: "KARTE", born: "1970-01-01", pseudonym: "parallel-\(index)")
                _ = try await card.csrfToken()
                cards.append(card)
            }
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for card in cards {
                    group.addTask { try await card.register("10004/01").status }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0.code >= 500 }.isEmpty, "\(statuses.map(\.code))")
            #expect(statuses.count(where: { $0 == .seeOther }) == 5)
            #expect(statuses.count(where: { $0 == .tooManyRequests }) == 9)
            #expect(try await Registration.query(on: app.db).filter(\.$memberNumber == "10004/01").count() == 5)
            #expect(try await app.portal.jobs.queue.list(limit: 100).count(where: { $0.kind == "registration.match" }) == 5)
            let late = Browser(app)
            try await late.signIn(family: "PARALLEL", given: "KARTE", born: "1970-01-01", pseudonym: "parallel-late")
            let refused = try await late.register("10004/01")
            #expect(refused.status == .tooManyRequests)
            #expect(refused.body.string.contains("Zu viele Versuche"), "a page that says why")
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func oneCardSubmittingEightTimesAtOnceStoresOneRegistration(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            let card = Browser(app)
            try await card.signIn(stock: "lysky")
            let token = try await card.csrfToken()
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for _ in 0..<8 {
                    // Eight tabs of one browser: the same session cookie, each its own cookie jar.
                    let tab = Browser(app)
                    tab.cookies = card.cookies
                    group.addTask {
                        try await tab.post("/registrierung", form: ["member_number": "10003/01", "privacy_consent": "on", "csrf_token": token]).status
                    }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(statuses.allSatisfy { $0 == .seeOther }, "\(statuses.map(\.code))")
            #expect(try await Registration.query(on: app.db).count() == 1)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func matchingWaitsOutTheMaintenanceWindow(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            // 03:10 Berlin (CET, UTC+1) on 2026-03-11.
            clock.set(Date(timeIntervalSince1970: 1_773_195_000))
            let browser = Browser(app)
            try await browser.signIn(stock: "lysky")
            try await browser.register("10003/01")
            let page = try await browser.get("/registrierung").body.string
            #expect(page.contains("nach 05:00 Uhr bearbeitet"))
            try await browser.post("/abmelden", form: [:])
            clock.set(Date(timeIntervalSince1970: 1_773_201_599)) // 04:59:59
            #expect(try await runDueJobs(app) == 0)
            try await browser.signIn(stock: "lysky")
            #expect(try await browser.registrationState() == "pending", "signed out and back: the page still knows")
            clock.set(Date(timeIntervalSince1970: 1_773_201_600)) // 05:00:00
            #expect(try await runDueJobs(app) == 1)
            #expect(try await browser.get("/registrierung").location == "/konto?willkommen=1")
        }
    }
}
