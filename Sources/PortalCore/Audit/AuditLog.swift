import Fluent
import Foundation
import Vapor

/// Writes the append-only audit trail: sign-ins, failures, staff actions and
/// every access to personal data. Unlike the application log, it may name the
/// member, because it is protected data itself. Details hold ids and states
/// only, never addresses or free text, so the trail adds no personal data.
package enum AuditLog {
    package static func record(
        on db: any Database, at date: Date, actor: AuditActor, action: String,
        memberID: UUID?, detail: [String: String] = [:]
    ) async throws {
        let entry = AuditEntry()
        entry.occurredAt = date
        entry.actor = actor.auditValue
        entry.action = action
        entry.memberID = memberID
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        entry.detail = String(decoding: try encoder.encode(detail), as: UTF8.self)
        try await entry.create(on: db)
    }
}
