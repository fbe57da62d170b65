import Fluent
import Foundation

/// One registration attempt: a signed-in card, the member number typed in,
/// and what the matching decided. The rows double as the attempt log that
/// the attempt limits (5 per card and per member number in 24 h) count.
package final class Registration: Model, @unchecked Sendable {
    package static let schema = "registrations"

    package enum State: String, Codable, Sendable {
        case pending, active, review, rejected
    }

    @ID(key: .id) package var id: UUID?
    @Field(key: "pseudonym") package var pseudonym: String
    /// As typed (trimmed), also when no member has it: the limit counts it anyway.
    @Field(key: "member_number") package var memberNumber: String
    @Field(key: "identity_json") package var identityJSON: String
    @Enum(key: "state") package var state: State
    /// For case workers only, never shown to the person (DOMAIN.md).
    @OptionalField(key: "reason") package var reason: String?
    @OptionalField(key: "member_id") package var memberID: UUID?
    @OptionalField(key: "job_id") package var jobID: Int64?
    @Field(key: "created_at") package var createdAt: Date
    @OptionalField(key: "decided_at") package var decidedAt: Date?
    @OptionalField(key: "decided_by") package var decidedBy: String?
    /// Left on the review page to be told of the decision; erased once the mail is queued.
    @OptionalField(key: "notify_email") package var notifyEmail: String?

    package init() {}
}

/// A card that was replaced by a newer one (DOMAIN.md, card change): only a
/// keyed hash of its pseudonym and the day, deleted with the account.
package final class RetiredCard: Model, @unchecked Sendable {
    package static let schema = "retired_cards"

    @ID(key: .id) package var id: UUID?
    @Field(key: "member_id") package var memberID: UUID
    @Field(key: "card_digest") package var cardDigest: String
    @Field(key: "retired_at") package var retiredAt: Date

    package init() {}

    package init(memberID: UUID, cardDigest: String, retiredAt: Date) {
        self.id = UUID()
        self.memberID = memberID
        self.cardDigest = cardDigest
        self.retiredAt = retiredAt
    }
}

/// A one-time code that binds the next new card without a new matching delay.
/// Only its hash is stored; the member sees the code once.
package final class TransferCode: Model, @unchecked Sendable {
    package static let schema = "transfer_codes"

    @ID(key: .id) package var id: UUID?
    @Field(key: "account_id") package var accountID: UUID
    @Field(key: "code_hash") package var codeHash: String
    @Field(key: "created_at") package var createdAt: Date
    @Field(key: "expires_at") package var expiresAt: Date
    @OptionalField(key: "used_at") package var usedAt: Date?

    package init() {}
}
