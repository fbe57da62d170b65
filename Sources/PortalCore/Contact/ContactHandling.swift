import Fluent
import Foundation
import PortalDomain
import SQLKit

/// A case worker marks a member's contact message as handled, from the CLI
/// (`portal contact done`) or, later, the back office.
package struct ContactHandling: Sendable {
    package let database: any Database
    package let clock: any PortalClock

    /// Marks the message handled and records who did, once: the state check is
    /// the update's own condition inside the write transaction, so of two case
    /// workers marking at once one changes the row and writes the audit entry,
    /// the other changes nothing. Returns whether this call marked it.
    @discardableResult
    package func markHandled(_ messageID: UUID, actor: AuditActor) async throws -> Bool {
        let now = clock.now()
        return try await database.writeTransaction { db in
            let changed = try await db.requireSQL().update(ContactMessage.schema)
                .set("state", to: ContactMessage.State.handled.rawValue)
                .set("handled_at", to: now)
                .where("id", .equal, messageID)
                .where("state", .equal, ContactMessage.State.new.rawValue)
                .returning("member_id")
                .all()
            guard let row = changed.first else { return false }
            try await AuditLog.record(on: db, at: now, actor: actor, action: "contact.handled",
                                      memberID: try row.decode(column: "member_id", as: UUID.self),
                                      detail: ["message": messageID.uuidString])
            return true
        }
    }

    package init(database: any Database, clock: any PortalClock) {
        self.database = database
        self.clock = clock
    }
}
