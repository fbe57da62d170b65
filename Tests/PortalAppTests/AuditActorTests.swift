import Fluent
import Foundation
import Testing
import VaporTesting
@testable import PortalApp
@testable import PortalCore
@testable import PortalWeb
@testable import PortalMember
@testable import PortalBackOffice

@Suite("Typed audit actor")
struct AuditActorTests {
    /// The trail's texts predate the type: entries already written must read the same.
    @Test
    func eachActorIsStoredAsTheTrailAlwaysSpelledIt() throws {
        let id = try #require(UUID(uuidString: "5F0C6A34-8E2B-4F7A-9C1D-2B3E4F5A6B7C"))
        #expect(AuditActor.member(accountID: id).auditValue == "account:5F0C6A34-8E2B-4F7A-9C1D-2B3E4F5A6B7C")
        #expect(AuditActor.staff(id: id).auditValue == "staff:5F0C6A34-8E2B-4F7A-9C1D-2B3E4F5A6B7C")
        #expect(AuditActor.system(job: "matching").auditValue == "system:matching")
        #expect(AuditActor.matching == .system(job: "matching"))
        #expect(AuditActor.operator(name: "m.schulz").auditValue == "operator:m.schulz")
        #expect(AuditActor.visitor.auditValue == "visitor")
        #expect(AuditActor.unregisteredCardHolder.auditValue == "eid:unregistered")
        #expect(AuditActor.transferCodeHolder.auditValue == "eid:transfer-code")
        #expect(AuditActor.cardHolder(accountID: id) == .member(accountID: id))
        #expect(AuditActor.cardHolder(accountID: nil) == .unregisteredCardHolder)
    }

    @Test(arguments: TestDatabase.allCases)
    func membersCardHoldersJobsAndOperatorsAreRecordedByTheirTexts(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            let erika = try #require(try await Member.query(on: app.db).filter(\.$memberNumber == "10001/01").first())
            let account = try #require(try await Account.query(on: app.db).filter(\.$member.$id == erika.requireID()).first())
            let member = Browser(app)
            try await member.signIn(stock: "erika")
            let newCard = Browser(app)
            try await newCard.signIn(family: "MUSTERMANN", given: "ERIKA", born: "1964-08-12", pseudonym: "erika-new-card", birthName: "GABLER")
            try await newCard.register("10001/01")
            clock.advance(by: 10)
            try await runDueJobs(app)
            _ = try await runCommand(app, ["documents", "list", "10001/01", "--operator", "m.schulz"])

            func actors(_ action: String) async throws -> [String] {
                try await AuditEntry.query(on: app.db).filter(\.$action == action).sort(\.$occurredAt).all().map(\.actor)
            }
            #expect(try await actors("signin") == ["account:" + account.requireID().uuidString, "eid:unregistered"])
            #expect(try await actors("registration.submitted") == ["eid:unregistered"])
            #expect(try await actors("account.card_changed") == ["system:matching"])
            #expect(try await Registration.query(on: app.db).all().map(\.decidedBy) == ["system:matching"])
            #expect(try await actors("document.list") == ["operator:m.schulz"])
        }
    }
}
