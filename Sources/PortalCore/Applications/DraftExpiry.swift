import Fluent
import Foundation
import PortalDomain

/// The nightly clean-up of forgotten drafts (issue 16): a draft untouched for
/// 60 days is deleted, after inbox reminders 30 and 7 days before. A draft
/// keeps personal data the member typed and never sent; it should not stay
/// for ever, and the member should not lose it without warning.
/// `reminded_days` holds the last reminder sent, so each goes out once; a
/// save clears it (`ApplicationSubmitting.saveDraft`), and the count starts again.
package struct DraftExpiry {
    package let database: PortalDatabase
    package let clock: any PortalClock
    package let texts: LocalizationCatalogue

    package static let lifetimeDays = 60
    /// Days before deletion at which the member is reminded, earliest first.
    package static let reminderDays = [30, 7]

    package func run() async throws {
        let now = clock.now()
        let firstReminder = now.addingTimeInterval(-Double(Self.lifetimeDays - (Self.reminderDays.first ?? 0)) * 86_400)
        let due = try await ApplicationDraft.query(on: database.db).filter(\.$updatedAt <= firstReminder).all()
        for draft in due {
            try await handle(draftID: try draft.requireID(), memberID: draft.memberID, now: now)
        }
    }

    private func handle(draftID: UUID, memberID: UUID, now: Date) async throws {
        try await database.db.writeTransaction { tx in
            // Under the member's lock, as saving is: a save in between makes the draft fresh again.
            try await tx.lockMember(memberID)
            guard let draft = try await ApplicationDraft.find(draftID, on: tx) else { return }
            let deletion = draft.updatedAt.addingTimeInterval(Double(Self.lifetimeDays) * 86_400)
            let title = ApplicationTypes.definition(draft.type).map { texts.text($0.titleKey, .de) } ?? draft.type
            if deletion <= now {
                try await draft.delete(on: tx)
                try await Inbox.post(.draftDeleted, to: memberID, parameters: [title], on: tx, at: now)
                try await AuditLog.record(on: tx, at: now, actor: .system(job: "draft-expiry"), action: "application.draft_expired",
                                          memberID: memberID, detail: ["draft": draftID.uuidString, "type": draft.type])
                return
            }
            // The reminder now due is the nearest one not yet passed; a run that
            // was missed sends only that one, and nothing when it went out already.
            let daysLeft = Int(deletion.timeIntervalSince(now) / 86_400)
            guard let reminder = Self.reminderDays.filter({ daysLeft <= $0 }).min(),
                  draft.remindedDays.map({ reminder < $0 }) ?? true else { return }
            draft.remindedDays = reminder
            try await draft.save(on: tx)
            try await Inbox.post(.draftExpiring, to: memberID, values: [.text(title), .day(of: deletion)], on: tx, at: now)
        }
    }
}
