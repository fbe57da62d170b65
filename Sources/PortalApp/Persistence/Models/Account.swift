import Fluent
import Foundation

/// The portal account: a member bound to one eID card (its pseudonym).
/// Deleted entirely on termination; a later sign-in with the card is unknown again.
final class Account: Model, @unchecked Sendable {
    static let schema = "accounts"

    enum State: String, Codable, Sendable { case active, blocked }

    @ID(key: .id) var id: UUID?
    @Parent(key: "member_id") var member: Member
    /// The card's service-specific pseudonym (RestrictedID); a new card has a new one.
    @Field(key: "pseudonym") var pseudonym: String
    @Enum(key: "state") var state: State
    @Field(key: "activated_at") var activatedAt: Date

    init() {}

    init(memberID: UUID, pseudonym: String, activatedAt: Date) {
        self.$member.id = memberID
        self.pseudonym = pseudonym
        self.state = .active
        self.activatedAt = activatedAt
    }
}
