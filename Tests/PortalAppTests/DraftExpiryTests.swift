import Fluent
import Foundation
import PortalDomain
import Testing
import VaporTesting
@testable import PortalApp
@testable import PortalCore

/// Forgotten drafts: reminders 30 and 7 days before deletion, deletion after 60 days untouched.
@Suite("Draft expiry")
struct DraftExpiryTests {
    static let day: TimeInterval = 86_400

    static func messages(_ kind: String, _ app: Application) async throws -> [InboxMessage] {
        try await InboxMessage.query(on: app.db).filter(\.$kind == kind).sort(\.$createdAt).all()
    }

    static func saveErikasDraft(_ app: Application, _ clock: TestClock) async throws -> UUID {
        let member = try #require(try await Member.query(on: app.db).filter(\.$memberNumber == "10001/01").first())
        let answers = FormAnswers(["movedOn": .date(FormDate(year: 2026, month: 3, day: 1)!)])
        return try await ApplicationSubmitting(jobs: app.portal.jobs, clock: clock)
            .saveDraft(memberID: member.requireID(), definition: ChangeOfAddress.definition, answers: answers, step: "movedOn", on: app.db)
    }

    @Test(arguments: TestDatabase.allCases)
    func anUntouchedDraftIsRemindedTwiceOnceEachAndDeletedAfterSixtyDays(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            let draftID = try await Self.saveErikasDraft(app, clock)
            clock.set(testStart.addingTimeInterval(29 * Self.day))
            try await runRecurringJob(PortalJobKinds.draftExpiry, app)
            #expect(try await Self.messages("application.draftExpiring", app).isEmpty, "nothing before 30 days")

            clock.set(testStart.addingTimeInterval(30 * Self.day + 3600))
            try await runRecurringJob(PortalJobKinds.draftExpiry, app)
            try await runRecurringJob(PortalJobKinds.draftExpiry, app)
            let first = try await Self.messages("application.draftExpiring", app)
            #expect(first.count == 1, "sent once")
            // 60 days after 10.03.2026 10:00: 09.05.2026.
            #expect(first.first?.parameters == [.text("Adressänderung"), .date("2026-05-09")])

            clock.set(testStart.addingTimeInterval(53 * Self.day + 3600))
            try await runRecurringJob(PortalJobKinds.draftExpiry, app)
            try await runRecurringJob(PortalJobKinds.draftExpiry, app)
            #expect(try await Self.messages("application.draftExpiring", app).count == 2)
            #expect(try await ApplicationDraft.find(draftID, on: app.db)?.remindedDays == 7)

            clock.set(testStart.addingTimeInterval(60 * Self.day))
            try await runRecurringJob(PortalJobKinds.draftExpiry, app)
            #expect(try await ApplicationDraft.find(draftID, on: app.db) == nil)
            #expect(try await Self.messages("application.draftDeleted", app).map(\.parameters) == [[.text("Adressänderung")]])
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "application.draft_expired").count() == 1)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aSaveStartsTheCountAgain(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            let draftID = try await Self.saveErikasDraft(app, clock)
            clock.set(testStart.addingTimeInterval(31 * Self.day))
            try await runRecurringJob(PortalJobKinds.draftExpiry, app)
            #expect(try await Self.messages("application.draftExpiring", app).count == 1)
            _ = try await Self.saveErikasDraft(app, clock)
            #expect(try await ApplicationDraft.find(draftID, on: app.db)?.remindedDays == nil)

            clock.set(testStart.addingTimeInterval(61 * Self.day))
            try await runRecurringJob(PortalJobKinds.draftExpiry, app)
            #expect(try await ApplicationDraft.find(draftID, on: app.db) != nil, "30 days since the save: kept")
            #expect(try await Self.messages("application.draftExpiring", app).count == 2, "the count started again")
            #expect(try await Self.messages("application.draftDeleted", app).isEmpty)
        }
    }
}
