import Fluent
import Foundation
import PortalDomain
import SQLKit
import Testing
import VaporTesting
@testable import PortalApp

@Suite("Card change and account termination (issue 4)")
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

            let report = try await AccountTermination.terminate(try MemberNumber(parsing: "10001/01"), on: app.db, at: clock.now(), actor: "test")
            #expect(report.accounts == 1)
            #expect(report.sessions == 2)

            #expect(try await Account.query(on: app.db).filter(\.$member.$id == erikaID).count() == 0)
            #expect(try await PortalSession.query(on: app.db).filter(\.$pseudonym == pseudonym).count() == 0)
            #expect(try await Registration.query(on: app.db).group(.or) { $0.filter(\.$memberID == erikaID).filter(\.$pseudonym == pseudonym) }.count() == 0)
            #expect(try await TransferCode.query(on: app.db).count() == 0)
            #expect(try await Account.query(on: app.db).count() == otherAccounts)
            let audit = try await AuditEntry.query(on: app.db).filter(\.$memberID == erikaID).filter(\.$action == "account.terminated").count()
            #expect(audit == 1)

            #expect(try await browser.get("/konto").location == "/")
            #expect(try await phone.get("/konto").location == "/")
            let later = Browser(app)
            #expect(try await later.signIn(stock: "erika").location == "/registrierung", "the card is unknown again")

            let second = try await AccountTermination.terminate(try MemberNumber(parsing: "10001/01"), on: app.db, at: clock.now(), actor: "test")
            #expect(!second.deletedAnything, "idempotent")
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "account.terminated").count() == 1)
        }
    }
}
