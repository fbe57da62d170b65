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

/// Termination against the schema the database really has: every table with a
/// `member_id` or `account_id` column is either emptied of the member's rows
/// or named, with its reason, in `AccountTermination.keptTables`. A table added
/// later without either fails here, because the test finds no row of the member
/// in it to watch disappear.
@Suite("Account termination against the live schema")
struct AccountTerminationSchemaTests {
    static let ownerColumns: Set<String> = ["member_id", "account_id"]

    @Test(arguments: TestDatabase.allCases)
    func everyTableWithAMemberColumnIsEmptiedOrKeptOnPurpose(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            let erika = try #require(try await Member.query(on: app.db).filter(\.$memberNumber == "10001/01").first())
            let memberID = try erika.requireID()
            let account = try #require(try await Account.query(on: app.db).filter(\.$member.$id == memberID).first())
            let accountID = try account.requireID()
            try await Self.giveOneRowPerPortalTable(memberID: memberID, accountID: accountID, app: app, clock: clock)

            let schema = try await LiveSchema.read(app)
            let owned = schema.tables.filter { !Self.ownerColumns.isDisjoint(with: $0.value) }
            let stale = Set(AccountTermination.keptTables.keys).subtracting(owned.keys)
            #expect(stale.isEmpty, "kept on purpose but without a member or account column in the schema: \(stale.sorted())")
            let portalTables = owned.keys.filter { AccountTermination.keptTables[$0] == nil }.sorted()
            #expect(portalTables.count >= 10, "\(portalTables)")

            func rows(_ table: String) async throws -> Int {
                var count = 0
                if owned[table]?.contains("member_id") == true { count += try await schema.count(table, where: "member_id", equals: memberID) }
                if owned[table]?.contains("account_id") == true { count += try await schema.count(table, where: "account_id", equals: accountID) }
                return count
            }
            for table in portalTables {
                #expect(try await rows(table) > 0, """
                    \(table) has a member or account column but the member has no row in it here: give her one in \
                    giveOneRowPerPortalTable and make AccountTermination delete it, or name it in AccountTermination.keptTables
                    """)
            }
            var keptBefore: [String: Int] = [:]
            for table in AccountTermination.keptTables.keys { keptBefore[table] = try await rows(table) }

            let report = try await AccountTermination.terminate(try MemberNumber(parsing: "10001/01"), on: app.db, at: clock.now(),
                                                                actor: .operator(name: "m.schulz"), portalStore: app.portal.archive.portalStore)
            #expect(report.deletedAnything)
            for table in portalTables {
                #expect(try await rows(table) == 0, "termination left rows of the member in \(table)")
            }
            for (table, before) in keptBefore {
                #expect(try await rows(table) >= before, "\(table) is kept on purpose: its rows stay")
            }
            #expect(try await Member.find(memberID, on: app.db) != nil, "the member record stays")
        }
    }

    @Test
    func everyKeptTableSaysWhy() {
        #expect(!AccountTermination.keptTables.isEmpty)
        #expect(AccountTermination.keptTables.allSatisfy { !$0.value.trimmingCharacters(in: .whitespaces).isEmpty })
    }

    /// One row of the member (or her account) in each table the portal owns,
    /// beside what signing in has already created (account, session, inbox).
    static func giveOneRowPerPortalTable(memberID: UUID, accountID: UUID, app: Application, clock: TestClock) async throws {
        let now = clock.now()
        let pdf = Data("%PDF-1.7\n%test\n".utf8)
        _ = try await DocumentFiling(database: app.db, clock: clock, archive: app.portal.archive)
            .file(pdf, to: "10001/01", category: "letter", title: "Schreiben", date: nil, actor: .operator(name: "m.schulz"))

        let request = CertificateRequest()
        request.memberID = memberID
        request.kind = "membership"
        request.state = .queued
        request.createdAt = now
        try await request.create(on: app.db)

        let setting = NotificationSetting()
        setting.memberID = memberID
        setting.email = "erika@example.org"
        setting.notify = true
        setting.updatedAt = now
        try await setting.create(on: app.db)

        let message = ContactMessage()
        message.memberID = memberID
        message.topic = .question
        message.text = "Bitte meine Daten prüfen."
        message.state = .new
        message.createdAt = now
        try await message.create(on: app.db)

        try await RetiredCard(memberID: memberID, cardDigest: "old-card-digest", retiredAt: now).create(on: app.db)

        // A sent application (with its filing job) and a draft of another type.
        _ = try await ApplicationFilingTests.send(ChangeOfAddress.definition, ApplicationFilingTests.address, app, clock)
        let bankAnswers = FormAnswers(["accountHolder": .text("Erika Mustermann")])
        try await ApplicationSubmitting(jobs: app.portal.jobs, clock: clock)
            .saveDraft(memberID: memberID, definition: ChangeOfBankDetails.definition, answers: bankAnswers, step: "account", on: app.db)

        let registration = Registration()
        registration.pseudonym = "erika-other-card"
        registration.memberNumber = "10001/01"
        registration.identityJSON = "{}"
        registration.state = .rejected
        registration.memberID = memberID
        registration.createdAt = now
        try await registration.create(on: app.db)

        let code = TransferCode()
        code.accountID = accountID
        code.codeHash = "code-hash"
        code.createdAt = now
        code.expiresAt = now.addingTimeInterval(TransferCodes.validity)
        try await code.create(on: app.db)
    }
}
