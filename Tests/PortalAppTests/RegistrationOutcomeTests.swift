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

/// What a person learns after registering: the case worker's decision in
/// the inbox and by mail, an explanation when an old card signs in after a
/// card change, and texts that fit what they signed in with.
@Suite("Registration outcomes")
struct RegistrationOutcomeTests {
    /// Agca Özmen's card carries only a year of birth: her registration goes to review.
    private func registerForReview(_ app: Application, _ clock: TestClock) async throws -> (Browser, Registration) {
        let browser = Browser(app)
        try await browser.signIn(stock: "agca")
        try await browser.register("10002/01")
        clock.advance(by: 10)
        try await runDueJobs(app)
        let registration = try #require(try await Registration.query(on: app.db).filter(\.$state == .review).first())
        return (browser, registration)
    }

    private func decide(_ registration: Registration, approve: Bool, _ app: Application, _ clock: TestClock) async throws {
        try await RegistrationReview.decide(try registration.requireID(), approve: approve, on: app.db, at: clock.now(), actor: .operator(name: "test"),
                                            jobs: app.portal.jobs, retiredCards: app.portal.tokens.retiredCards)
    }

    /// Erika signs in with her card, then registers a new one, which takes her account over.
    @discardableResult
    private func linkNewCard(_ app: Application, _ clock: TestClock) async throws -> Browser {
        try await Browser(app).signIn(stock: "erika")
        let newCard = Browser(app)
        try await newCard.signIn(family: "MUSTERMANN", given: "ERIKA", born: "1964-08-12", pseudonym: "erika-new-card", birthName: "GABLER")
        try await newCard.register("10001/01")
        clock.advance(by: 10)
        try await runDueJobs(app)
        return newCard
    }

    @Test(arguments: TestDatabase.allCases)
    func anApprovalAfterReviewReachesTheInboxAndTheLeftAddressOnce(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            let (browser, registration) = try await registerForReview(app, clock)
            let review = try await browser.get("/registrierung").body.string
            #expect(review.contains("E-Mail-Adresse für eine Nachricht, sobald entschieden ist"))

            let left = try await browser.post("/registrierung/benachrichtigung", form: ["email": "agca@example.org"])
            #expect(left.location == "/registrierung")
            let trail = try await AuditEntry.query(on: app.db).filter(\.$action == "registration.notify_requested").all()
            #expect(trail.count == 1)
            #expect(trail.allSatisfy { !$0.detail.contains("@") }, "the trail records that an address was left, not which")
            let waiting = try await browser.get("/registrierung").body.string
            #expect(waiting.contains("Sobald die Sachbearbeitung entschieden hat, schreiben wir Ihnen eine E-Mail."))
            #expect(!waiting.contains("name=\"email\""), "the form does not ask twice")

            try await decide(registration, approve: true, app, clock)
            try await runDueJobs(app)
            let mails = try NotificationTests.mails(app).filter { $0.contains("agca@example.org") }
            #expect(mails.count == 1)
            let mail = try #require(mails.first)
            #expect(mail.contains("Bitte melden Sie sich an"))
            for personal in ["Özmen", "OZMEN", "10002/01", "freigeschaltet", "abgelehnt"] {
                #expect(!mail.contains(personal), "the mail says only that there is news, not \(personal)")
            }
            let stored = try #require(try await Registration.find(registration.requireID(), on: app.db))
            #expect(stored.notifyEmail == nil, "the address is erased once the mail is queued")

            #expect(try await browser.get("/registrierung").location == "/konto?willkommen=1")
            let inbox = try await browser.get("/konto/posteingang").body.string
            #expect(inbox.contains("Willkommen im Mitgliederportal"))
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aRejectionAfterReviewSaysACaseWorkerCheckedAndWhomToCall(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            let (browser, registration) = try await registerForReview(app, clock)
            try await browser.post("/registrierung/benachrichtigung", form: ["email": "agca@example.org"])
            try await decide(registration, approve: false, app, clock)
            try await runDueJobs(app)
            #expect(try NotificationTests.mails(app).filter { $0.contains("agca@example.org") }.count == 1)

            let page = try await browser.get("/registrierung").body.string
            #expect(page.contains("Die Sachbearbeitung hat Ihre Angaben geprüft"))
            #expect(page.contains(app.portal.configuration.fund.phone))
            #expect(!page.contains("Bitte prüfen Sie Ihre Mitgliedsnummer"), "not the automatic rejection's advice")
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aDecisionWithoutAnAddressSendsNoMailButStillShowsOnThePage(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            let (browser, registration) = try await registerForReview(app, clock)
            let before = try NotificationTests.mails(app).count
            try await decide(registration, approve: false, app, clock)
            try await runDueJobs(app)
            #expect(try NotificationTests.mails(app).count == before)
            #expect(try await browser.get("/registrierung").body.string.contains("Status: nicht freigeschaltet"))
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aBadAddressOnTheReviewPageGetsAMessageAndKeepsWhatWasTyped(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            let (browser, registration) = try await registerForReview(app, clock)
            let bad = try await browser.post("/registrierung/benachrichtigung", form: ["email": "agca at example"])
            #expect(bad.status == .unprocessableEntity)
            let html = bad.body.string
            #expect(html.contains("Geben Sie eine vollständige E-Mail-Adresse ein"))
            #expect(html.contains("value=\"agca at example\""))
            #expect(try await browser.post("/registrierung/benachrichtigung", form: ["email": ""]).status == .unprocessableEntity)
            let stored = try #require(try await Registration.find(registration.requireID(), on: app.db))
            #expect(stored.notifyEmail == nil)

            let forged = try await browser.post("/registrierung/benachrichtigung", form: ["email": "x@example.org"], csrf: false)
            #expect(forged.status == .forbidden)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func twoCaseWorkersDecidingAtOnceDecideOnce(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            let (browser, registration) = try await registerForReview(app, clock)
            try await browser.post("/registrierung/benachrichtigung", form: ["email": "agca@example.org"])
            let outcomes = await withTaskGroup(of: Bool.self) { group in
                for approve in [true, false, true, false] {
                    group.addTask {
                        do {
                            try await decide(registration, approve: approve, app, clock)
                            return true
                        } catch { return false }
                    }
                }
                return await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 1, "one decision, the others are told it is decided")
            try await runDueJobs(app)
            #expect(try NotificationTests.mails(app).filter { $0.contains("agca@example.org") }.count == 1)
            let decisions = try await AuditEntry.query(on: app.db).filter(\.$action ~~ ["registration.activated", "registration.rejected"]).count()
            #expect(decisions == 1)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func anOldCardAfterACardChangeIsToldWhenAndHowToReachTheFund(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            let newCard = try await linkNewCard(app, clock)
            #expect(try await newCard.get("/registrierung").location == "/konto?willkommen=1")

            let again = Browser(app)
            #expect(try await again.signIn(stock: "erika").location == "/registrierung")
            let page = try await again.get("/registrierung")
            #expect(page.status == .ok)
            let html = page.body.string
            let day = Format.date(clock.now(), .de)
            #expect(html.contains("Am \(day) wurde Ihr Zugang mit einem neueren Ausweis verknüpft"))
            #expect(html.contains(app.portal.configuration.fund.phone))
            #expect(!html.contains("name=\"member_number\""), "no registration form until the person asks for it")
            let english = try await again.get("/registrierung", headers: ["Accept-Language": "en"]).body.string
            #expect(english.contains("On \(Format.date(clock.now(), .en)) your access was linked to a newer card"))
            #expect(try await again.get("/registrierung?neu=1").body.string.contains("name=\"member_number\""))

            // Only a keyed hash of the old card is kept, and termination removes it.
            let retired = try await RetiredCard.query(on: app.db).all()
            #expect(retired.count == 1)
            #expect(retired.first?.cardDigest != StockIdentities.erika.pseudonym)
            #expect(retired.first?.cardDigest == app.portal.tokens.retiredCards.hash(StockIdentities.erika.pseudonym))
            _ = try await AccountTermination.terminate(try MemberNumber(parsing: "10001/01"), on: app.db, at: clock.now(), actor: .operator(name: "test"),
                                                       portalStore: app.portal.archive.portalStore, outbox: app.portal.mailOutbox)
            #expect(try await RetiredCard.query(on: app.db).count() == 0)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func anOldCardThatRegistersAgainIsNoLongerRetired(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            try await linkNewCard(app, clock)

            let again = Browser(app)
            try await again.signIn(stock: "erika")
            try await again.register("10001/01")
            clock.advance(by: 10)
            try await runDueJobs(app)
            #expect(try await again.get("/registrierung").location == "/konto?willkommen=1")
            let digests = try await RetiredCard.query(on: app.db).all().map(\.cardDigest)
            #expect(digests == [app.portal.tokens.retiredCards.hash("erika-new-card")], "now the newer card is the retired one")
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func eIDASUsersAreNotToldTheySignedInWithAnIDCard(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            let browser = Browser(app)
            try await browser.post("/dev/eid", form: [
                "family_names": "ROSSI", "given_names": "GIULIA", "date_of_birth": "1980-02-03", "pseudonym": "eidas-rossi",
                "birth_name": "", "document_type": "EIDAS", "issuing_state": "I",
            ])
            let form = try await browser.get("/registrierung").body.string
            #expect(form.contains("mit der eID Ihres Heimatstaats angemeldet"))
            #expect(!form.contains("Ausweis angemeldet"))
            #expect(!form.contains("aus Ihrem Ausweis"))
            try await browser.register("99999/01")
            let pending = try await browser.get("/registrierung").body.string
            #expect(pending.contains("wieder mit Ihrer eID anmelden"))
            #expect(!pending.contains("mit Ihrem Ausweis"))
            _ = clock
        }
    }
}
