import Fluent
import Foundation

/// A member's e-mail for notifications. A new address is only used after
/// the member confirmed it through the link sent to it (double opt-in).
final class NotificationSetting: Model, @unchecked Sendable {
    static let schema = "notification_settings"

    @ID(key: .id) var id: UUID?
    @Field(key: "member_id") var memberID: UUID
    @OptionalField(key: "email") var email: String?
    @Field(key: "notify") var notify: Bool
    @OptionalField(key: "pending_email") var pendingEmail: String?
    @OptionalField(key: "token_hash") var tokenHash: String?
    @OptionalField(key: "token_expires_at") var tokenExpiresAt: Date?
    @OptionalField(key: "last_notified_at") var lastNotifiedAt: Date?
    @Field(key: "updated_at") var updatedAt: Date

    init() {}
}
