import Fluent
import Foundation

/// A member's e-mail for notifications. A new address is only used after
/// the member confirmed it through the link sent to it (double opt-in).
package final class NotificationSetting: Model, @unchecked Sendable {
    package static let schema = "notification_settings"

    @ID(key: .id) package var id: UUID?
    @Field(key: "member_id") package var memberID: UUID
    @OptionalField(key: "email") package var email: String?
    @Field(key: "notify") package var notify: Bool
    @OptionalField(key: "pending_email") package var pendingEmail: String?
    @OptionalField(key: "token_hash") package var tokenHash: String?
    @OptionalField(key: "token_expires_at") package var tokenExpiresAt: Date?
    @OptionalField(key: "last_notified_at") package var lastNotifiedAt: Date?
    @Field(key: "updated_at") package var updatedAt: Date

    package init() {}
}
