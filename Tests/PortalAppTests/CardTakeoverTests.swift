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

/// SECURITY.md "identity": a card takes over an account only when its data
/// matches the member record, with a transfer code as without one, and every
/// card change is told on the old channel.
@Suite("A card takes over an account only when it matches")
struct CardTakeoverTests {
    static func newCode(_ oldCard: Browser) async throws -> String {
        try #require(TransferCodeTests.code(in: try await oldCard.post("/konto/neuer-ausweis", form: [:]).body.string))
    }

    static func mainText(_ html: String) -> String {
        guard let start = html.range(of: "<main")?.lowerBound, let end = html.range(of: "</main>")?.upperBound else { return "" }
        return String(html[start..<end])
    }

    /// MAX BEISPIEL and MALLORY EVE are other people; ERIKA with a year-only
    /// birth date would go to review, which a code never replaces.
    static let intruders: [(family: String, given: String, born: String, birthName: String)] = [
        ("BEISPIEL", "MAX", "1980-01-01", ""), ("EVE", "MALLORY", "1999", ""), ("MUSTERMANN", "ERIKA", "1964", "GABLER"),
    ]

    @Test(arguments: TestDatabase.allCases)
    func anotherPersonsCardWithAValidCodeIsRefusedNeutrallyAndSpendsTheCode(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            let oldCard = Browser(app)
            try await oldCard.signIn(stock: "erika")
            let failed = Browser(app)
            try await failed.signIn(stock: "unknown")
            // Another number: the limit of 5 attempts per number in 24 hours is for the intruders.
            try await failed.register("10004/01")
            clock.advance(by: 10)
            try await runDueJobs(app)
            let neutral = Self.mainText(try await failed.get("/registrierung").body.string)

            for (index, person) in Self.intruders.enumerated() {
                let code = try await Self.newCode(oldCard)
                let intruder = Browser(app)
                try await intruder.signIn(family: person.family, given: person.given, born: person.born, pseudonym: "intruder-\(index)",
                                          birthName: person.birthName)
                let sent = try await intruder.post("/registrierung", form: ["member_number": "10001/01", "privacy_consent": "on", "transfer_code": code])
                #expect(sent.location == "/registrierung", "\(person.given)")
                let page = try await intruder.get("/registrierung")
                #expect(page.status == .ok, "not the dashboard: \(person.given)")
                #expect(Self.mainText(page.body.string) == neutral, "the same refusal as a failed registration: \(person.given)")
                #expect(try await intruder.get("/konto").location != nil, "\(person.given) has no account")
                #expect(try await oldCard.get("/konto").status == .ok, "Erika's card still works after \(person.given)")
                #expect(try await TransferCode.query(on: app.db).filter(\.$usedAt == nil).count() == 0, "the code is spent")

                guard index == 0 else { continue }
                let erikaNewCard = Browser(app)
                try await erikaNewCard.signIn(family: "MUSTERMANN", given: "ERIKA", born: "1964-08-12", pseudonym: "erika-late", birthName: "GABLER")
                let reuse = try await erikaNewCard.post("/registrierung", form: ["member_number": "10001/01", "privacy_consent": "on",
                                                                                 "transfer_code": code])
                #expect(reuse.status == .unprocessableEntity, "a spent code is gone even for its owner")
            }
            let erika = try #require(try await Account.query(on: app.db).filter(\.$pseudonym == StockIdentities.erika.pseudonym).first())
            #expect(erika.state == .active)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "account.card_changed").count() == 0)
            let reasons = try await Registration.query(on: app.db).filter(\.$pseudonym ~~ ["intruder-0", "intruder-1", "intruder-2"]).all()
                .compactMap(\.reason).sorted()
            #expect(reasons == ["transferCode.familyName", "transferCode.familyName", "transferCode.partialBirthDate"],
                    "case workers see why")
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func theMembersOwnNewCardWithTheCodeTakesOverAtOnceAndTheOldChannelIsTold(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            let oldCard = Browser(app)
            try await oldCard.signIn(stock: "erika")
            try await NotificationTests.confirmAddress("erika@example.org", oldCard, app)
            let code = try await Self.newCode(oldCard)

            let newCard = Browser(app)
            try await newCard.signIn(family: "MUSTERMANN", given: "ERIKA", born: "1964-08-12", pseudonym: "erika-card-2026", birthName: "GABLER")
            try await newCard.post("/registrierung", form: ["member_number": "10001/01", "privacy_consent": "on", "transfer_code": code])
            #expect(try await newCard.get("/registrierung").location == "/konto?willkommen=1", "no delay, no review")
            #expect(try await oldCard.get("/konto").location == "/")

            try await runDueJobs(app)
            try await Self.expectOldChannelTold(app, on: "10.03.2026")
            _ = clock
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aCardChangeByMatchingIsToldOnTheOldChannelToo(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            let oldCard = Browser(app)
            try await oldCard.signIn(stock: "erika")
            try await NotificationTests.confirmAddress("erika@example.org", oldCard, app)
            let newCard = Browser(app)
            try await newCard.signIn(family: "MUSTERMANN", given: "ERIKA", born: "1964-08-12", pseudonym: "erika-matched", birthName: "GABLER")
            try await newCard.register("10001/01")
            clock.advance(by: 10)
            try await runDueJobs(app)
            #expect(try await newCard.get("/registrierung").location == "/konto?willkommen=1")
            try await runDueJobs(app)
            try await Self.expectOldChannelTold(app, on: "10.03.2026")
        }
    }

    /// The inbox message and the mail to the confirmed address: the date and
    /// the fund's phone, no personal data.
    static func expectOldChannelTold(_ app: Application, on date: String) async throws {
        #expect(try await InboxMessage.query(on: app.db).filter(\.$kind == Inbox.Kind.cardChanged.rawValue).count() == 1)
        let mails = try NotificationTests.mails(app).filter { $0.contains("neuer Ausweis") }
        #expect(mails.count == 1)
        let mail = try #require(mails.first)
        #expect(mail.contains("erika@example.org"))
        #expect(mail.contains("am \(date) wurde ein neuer Ausweis"))
        #expect(mail.contains(app.portal.configuration.fund.phone))
        #expect(mail.contains("A new ID card was linked"))
        for personal in ["Mustermann", "MUSTERMANN", "Erika", "10001/01", "Köln", "GABLER"] {
            #expect(!mail.contains(personal), "\(personal)")
        }
    }
}
