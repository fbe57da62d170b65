import Fluent
import Foundation

/// The portal account: a member bound to one eID card (its pseudonym).
/// Deleted entirely on termination; a later sign-in with the card is unknown again.
package final class Account: Model, @unchecked Sendable {
    package static let schema = "accounts"

    package enum State: String, Codable, Sendable { case active, blocked }

    @ID(key: .id) package var id: UUID?
    @Parent(key: "member_id") package var member: Member
    /// The card's service-specific pseudonym (RestrictedID); a new card has a new one.
    @Field(key: "pseudonym") package var pseudonym: String
    @Enum(key: "state") package var state: State
    @Field(key: "activated_at") package var activatedAt: Date

    package init() {}

    package init(memberID: UUID, pseudonym: String, activatedAt: Date) {
        self.$member.id = memberID
        self.pseudonym = pseudonym
        self.state = .active
        self.activatedAt = activatedAt
    }
}
