import Fluent
import Foundation

/// One line of the append-only audit trail. Triggers in the database refuse
/// UPDATE and DELETE, so not even a bug in the portal can rewrite history.
final class AuditEntry: Model, @unchecked Sendable {
    static let schema = "audit_entries"

    @ID(key: .id) var id: UUID?
    @Field(key: "occurred_at") var occurredAt: Date
    @Field(key: "actor") var actor: String
    @Field(key: "action") var action: String
    @OptionalField(key: "member_id") var memberID: UUID?
    @Field(key: "detail") var detail: String

    init() {}
}
