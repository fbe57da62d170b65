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

@Suite("Card change and account termination")
struct CardChangeAndTerminationTests {
    @Test(arguments: TestDatabase.allCases)
    func aNewCardTakesOverAndTheOldCardStopsWorking(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            let oldCard = Browser(app)
            try await oldCard.signIn(stock: "erika")
            #expect(try await oldCard.get("/konto").status == .ok)

            let newCard = Browser(app)
            #expect(try await newCard.signIn(family: "MUSTERMANN", given: "ERIKA", born: "1964-08-12", pseudonym: "erika-new-card",
                                             birthName: "GABLER").location == "/registrierung")
            try await newCard.register("10001/01")
            clock.advance(by: 10)
            try await runDueJobs(app)
            #expect(try await newCard.get("/registrierung").location == "/konto?willkommen=1")
            #expect(try await newCard.get("/konto").status == .ok)

            #expect(try await oldCard.get("/konto").location == "/", "the old card's session ended")
            let again = Browser(app)
            #expect(try await again.signIn(stock: "erika").location == "/registrierung", "the old card is unknown now")
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "account.card_changed").count() == 1)

            // And back: the first card registers again and takes over once more.
            try await again.register("10001/01")
            clock.advance(by: 10)
            try await runDueJobs(app)
            #expect(try await again.get("/registrierung").location == "/konto?willkommen=1")
            #expect(try await newCard.get("/konto").location == "/")
            #expect(try await Account.query(on: app.db).count() == 1)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func terminationLeavesNoPortalRowOfTheMemberButTheAuditEntry(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            let phone = Browser(app)
            try await phone.signIn(stock: "erika")
            let erika = try #require(try await Member.query(on: app.db).filter(\.$memberNumber == "10001/01").first())
            let erikaID = try erika.requireID()
            let pseudonym = StockIdentities.erika.pseudonym
            let otherAccounts = try await Account.query(on: app.db).count() - 1

            try await browser.post("/konto/bescheinigungen", form: ["kind": "membership"])
            try await runDueJobs(app)
            try await browser.post("/hilfe/kontakt", form: ["topic": "question", "text": "Bitte meine Daten prüfen."])
            // An old address (told of the change), the current one, and a pending one: each leaves mails and links.
            try await NotificationTests.confirmAddress("erika.alt@example.org", browser, app)
            try await NotificationTests.confirmAddress("erika@example.org", browser, app)
            try await browser.post("/konto/profil/benachrichtigungen", form: ["email": "erika.neu@example.org", "notify": "ja"])
            try await runDueJobs(app)
            let accountID = try #require(try await Account.query(on: app.db).filter(\.$member.$id == erikaID).first()?.requireID())
            let traces = MemberTraces(memberID: erikaID, accountID: accountID, pseudonym: pseudonym,
                                      texts: ["erika.alt@example.org", "erika@example.org", "erika.neu@example.org", "email-bestaetigen"])
            let before = try await traces.rows(app)
            for place in ["accounts.member_id", "sessions.account_id", "inbox_messages.member_id", "jobs.subject", "notification_settings.member_id"] {
                #expect(before[place, default: 0] > 0, "the check sees \(place)")
            }
            #expect(try await traces.textPlaces(app).contains("jobs.payload"))
            #expect(!traces.files(app).isEmpty, "the mail outbox holds her mails")
            #expect(try await ContactMessage.query(on: app.db).filter(\.$memberID == erikaID).count() == 1)
            #expect(try await NotificationSetting.query(on: app.db).filter(\.$memberID == erikaID).count() == 1)
            let document = try #require(try await Document.query(on: app.db).first())
            let portalFile = app.portal.configuration.dataDirectory.appendingPathComponent("documents/portal/\(document.blobKey).blob")
            #expect(FileManager.default.fileExists(atPath: portalFile.path))
            let report = try await AccountTermination.terminate(try MemberNumber(parsing: "10001/01"), on: app.db, at: clock.now(), actor: .operator(name: "test"),
                                                                portalStore: app.portal.archive.portalStore, outbox: app.portal.mailOutbox)
            #expect(report.accounts == 1)
            #expect(report.sessions == 2)

            #expect(try await Account.query(on: app.db).filter(\.$member.$id == erikaID).count() == 0)
            #expect(try await PortalSession.query(on: app.db).filter(\.$pseudonym == pseudonym).count() == 0)
            #expect(try await Registration.query(on: app.db).group(.or) { $0.filter(\.$memberID == erikaID).filter(\.$pseudonym == pseudonym) }.count() == 0)
            #expect(try await TransferCode.query(on: app.db).count() == 0)
            #expect(try await Document.query(on: app.db).filter(\.$memberID == erikaID).count() == 0)
            #expect(try await CertificateRequest.query(on: app.db).filter(\.$memberID == erikaID).count() == 0)
            #expect(try await InboxMessage.query(on: app.db).filter(\.$memberID == erikaID).count() == 0)
            #expect(try await ContactMessage.query(on: app.db).filter(\.$memberID == erikaID).count() == 0)
            #expect(try await NotificationSetting.query(on: app.db).filter(\.$memberID == erikaID).count() == 0)
            #expect(report.contactMessages == 1)
            #expect(report.jobs >= 3 && report.mailFiles >= 3, "\(report)")
            let left = try await traces.rows(app).filter { $0.value > 0 }
            #expect(left == [:], "no row of hers in any table with a member column: \(left)")
            #expect(try await traces.textPlaces(app) == [], "no address, link or pseudonym in any column")
            #expect(traces.files(app) == [], "no file in the data folder names her")
            #expect(!FileManager.default.fileExists(atPath: portalFile.path), "the portal copy is deleted; the member file keeps its own")
            #expect(try await Account.query(on: app.db).count() == otherAccounts)
            let audit = try await AuditEntry.query(on: app.db).filter(\.$memberID == erikaID).filter(\.$action == "account.terminated").count()
            #expect(audit == 1)

            #expect(try await browser.get("/konto").location == "/")
            #expect(try await phone.get("/konto").location == "/")
            let later = Browser(app)
            #expect(try await later.signIn(stock: "erika").location == "/registrierung", "the card is unknown again")

            let second = try await AccountTermination.terminate(try MemberNumber(parsing: "10001/01"), on: app.db, at: clock.now(), actor: .operator(name: "test"))
            #expect(!second.deletedAnything, "idempotent")
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "account.terminated").count() == 1)
        }
    }
}

@Suite("Transfer code for a new card")
struct TransferCodeTests {
    static func code(in html: String) -> String? {
        guard let range = html.range(of: "class=\"transfer-code\"><strong>") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "<" })
    }

    @Test(arguments: TestDatabase.allCases)
    func aCodeFromTheOldCardBindsTheNewCardAtOnceAndOnlyOnce(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            let oldCard = Browser(app)
            try await oldCard.signIn(stock: "erika")
            let page = try await oldCard.post("/konto/neuer-ausweis", form: [:])
            let code = try #require(Self.code(in: page.body.string))
            #expect(code.count == 14)
            #expect(try await TransferCode.query(on: app.db).all().allSatisfy { $0.codeHash != code && !$0.codeHash.contains(code) })
            #expect(!(try await oldCard.get("/konto/neuer-ausweis").body.string.contains(code)), "shown once")

            let newCard = Browser(app)
            try await newCard.signIn(family: "MUSTERMANN", given: "ERIKA", born: "1964-08-12", pseudonym: "erika-card-2026", birthName: "GABLER")
            let sent = try await newCard.post("/registrierung", form: ["member_number": "10001/01", "privacy_consent": "on",
                                                                       "transfer_code": code.lowercased()])
            #expect(sent.location == "/registrierung")
            #expect(try await newCard.get("/registrierung").location == "/konto?willkommen=1", "no matching delay")
            #expect(try await oldCard.get("/konto").location == "/", "the old card stopped working")

            let third = Browser(app)
            try await third.signIn(family: "MUSTERMANN", given: "ERIKA", born: "1964-08-12", pseudonym: "erika-card-2027", birthName: "GABLER")
            let reused = try await third.post("/registrierung", form: ["member_number": "10001/01", "privacy_consent": "on", "transfer_code": code])
            #expect(reused.status == .unprocessableEntity)
            #expect(reused.body.string.contains("schon verwendet"))
            _ = clock
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func anExpiredCodeOrOneForAnotherNumberIsRefused(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            let oldCard = Browser(app)
            try await oldCard.signIn(stock: "erika")
            let code = try #require(Self.code(in: try await oldCard.post("/konto/neuer-ausweis", form: [:]).body.string))
            let other = Browser(app)
            try await other.signIn(family: "SCHÄFER", given: "JÜRGEN", born: "1958-11-30", pseudonym: "schaefer-card")
            let wrongNumber = try await other.post("/registrierung", form: ["member_number": "10004/01", "privacy_consent": "on", "transfer_code": code])
            #expect(wrongNumber.status == .unprocessableEntity, "a code only works for its own member number")
            clock.advance(by: 31 * 86_400)
            let newCard = Browser(app)
            try await newCard.signIn(family: "MUSTERMANN", given: "ERIKA", born: "1964-08-12", pseudonym: "erika-late-card", birthName: "GABLER")
            let expired = try await newCard.post("/registrierung", form: ["member_number": "10001/01", "privacy_consent": "on", "transfer_code": code])
            #expect(expired.status == .unprocessableEntity)
            #expect(try await Account.query(on: app.db).filter(\.$pseudonym == StockIdentities.erika.pseudonym).count() == 1)
        }
    }
}
