import Fluent
import Foundation

/// One line of the append-only audit trail. Triggers in the database refuse
/// UPDATE and DELETE, so not even a bug in the portal can rewrite history.
package final class AuditEntry: Model, @unchecked Sendable {
    package static let schema = "audit_entries"

    @ID(key: .id) package var id: UUID?
    @Field(key: "occurred_at") package var occurredAt: Date
    @Field(key: "actor") package var actor: String
    @Field(key: "action") package var action: String
    @OptionalField(key: "member_id") package var memberID: UUID?
    @Field(key: "detail") package var detail: String

    package init() {}
}
