import Fluent
import Foundation

/// One registration attempt: a signed-in card, the member number typed in,
/// and what the matching decided. The rows double as the attempt log that
/// the attempt limits (5 per card and per member number in 24 h) count.
final class Registration: Model, @unchecked Sendable {
    static let schema = "registrations"

    enum State: String, Codable, Sendable {
        case pending, active, review, rejected
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "pseudonym") var pseudonym: String
    /// As typed (trimmed), also when no member has it: the limit counts it anyway.
    @Field(key: "member_number") var memberNumber: String
    @Field(key: "identity_json") var identityJSON: String
    @Enum(key: "state") var state: State
    /// For case workers only, never shown to the person (DOMAIN.md).
    @OptionalField(key: "reason") var reason: String?
    @OptionalField(key: "member_id") var memberID: UUID?
    @OptionalField(key: "job_id") var jobID: Int64?
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "decided_at") var decidedAt: Date?
    @OptionalField(key: "decided_by") var decidedBy: String?
    /// Left on the review page to be told of the decision; erased once the mail is queued.
    @OptionalField(key: "notify_email") var notifyEmail: String?

    init() {}
}

/// A card that was replaced by a newer one (DOMAIN.md, card change): only a
/// keyed hash of its pseudonym and the day, deleted with the account.
final class RetiredCard: Model, @unchecked Sendable {
    static let schema = "retired_cards"

    @ID(key: .id) var id: UUID?
    @Field(key: "member_id") var memberID: UUID
    @Field(key: "card_digest") var cardDigest: String
    @Field(key: "retired_at") var retiredAt: Date

    init() {}

    init(memberID: UUID, cardDigest: String, retiredAt: Date) {
        self.id = UUID()
        self.memberID = memberID
        self.cardDigest = cardDigest
        self.retiredAt = retiredAt
    }
}

/// A one-time code that binds the next new card without a new matching delay.
/// Only its hash is stored; the member sees the code once.
final class TransferCode: Model, @unchecked Sendable {
    static let schema = "transfer_codes"

    @ID(key: .id) var id: UUID?
    @Field(key: "account_id") var accountID: UUID
    @Field(key: "code_hash") var codeHash: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "used_at") var usedAt: Date?

    init() {}
}
