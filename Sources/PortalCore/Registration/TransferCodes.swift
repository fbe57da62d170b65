import Fluent
import Foundation
import PortalDomain
import Vapor

/// One-time codes for a new card: while still signed in with the old card,
/// a member creates a code (shown once, stored as a keyed hash, valid 30
/// days); registering the next card with it spares the security delay and
/// the review, never the matching: the new card's data must fully match the
/// member record (SECURITY.md "identity"), or a stolen code would hand the
/// account to any card.
package enum TransferCodes {
    package static let validity: TimeInterval = 30 * 86_400
    /// Crockford-style alphabet: no 0/O or 1/I/L to confuse when typed from paper.
    package static let alphabet = Array("ABCDEFGHJKMNPQRSTVWXYZ23456789")

    package static func create(for accountID: UUID, on db: any Database, hasher: TokenHasher, at now: Date) async throws -> String {
        var generator = SystemRandomNumberGenerator()
        let raw = String((0..<12).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
        let code = stride(from: 0, to: 12, by: 4).map { offset in
            String(raw[raw.index(raw.startIndex, offsetBy: offset)..<raw.index(raw.startIndex, offsetBy: offset + 4)])
        }.joined(separator: "-")
        try await db.writeTransaction { tx in
            // Only the newest code counts: creating one retires the earlier ones.
            try await TransferCode.query(on: tx).filter(\.$accountID == accountID).filter(\.$usedAt == nil).set(\.$usedAt, to: now).update()
            let row = TransferCode()
            row.accountID = accountID
            row.codeHash = hasher.hash(normalize(code))
            row.createdAt = now
            row.expiresAt = now.addingTimeInterval(validity)
            try await row.create(on: tx)
        }
        return code
    }

    package enum Redemption: Equatable {
        /// No unused, unexpired code of this member number: the form says so.
        case invalidCode
        /// The card fully matched and now holds the account.
        case bound
        /// The code was spent on a card that did not fully match: the neutral refusal.
        case refused
    }

    /// Redeems `code` for the signed-in card inside the caller's write
    /// transaction, recording the attempt as a registration. A valid code is
    /// spent whatever the match says, so a stolen code is good for one try.
    package static func redeem(_ code: String, memberNumber: String, identity: EIDIdentity, identityJSON: String, pseudonym: String,
                       on db: any Database, hasher: TokenHasher, retiredCards: TokenHasher, jobs: JobsService, at now: Date) async throws -> Redemption {
        let registration = Registration()
        registration.pseudonym = pseudonym
        registration.memberNumber = memberNumber
        registration.identityJSON = identityJSON
        registration.state = .pending
        registration.createdAt = now
        guard let (row, member) = try await redeemable(code, memberNumber: memberNumber, on: db, hasher: hasher, at: now) else {
            registration.state = .rejected
            registration.reason = "invalidTransferCode"
            registration.decidedAt = now
            try await registration.create(on: db)
            return .invalidCode
        }
        row.usedAt = now
        try await row.save(on: db)
        registration.memberID = member.id
        try await registration.create(on: db)
        let actor = AuditActor.transferCodeHolder
        // Only a full match: a review-worthy one would otherwise skip the review the code never replaces.
        switch RegistrationMatcher().match(identity, against: member.matchable) {
        case .match:
            let outcome = try await AccountBinding.bind(member: member, pseudonym: pseudonym, registration: registration, on: db, at: now,
                                                        actor: actor, jobs: jobs, retiredCards: retiredCards)
            guard outcome == .cardBoundToAnotherMember else { return .bound }
            try await RegistrationMatching.decide(registration, .rejected, reason: "transferCode.cardBoundToAnotherMember",
                                                  on: db, at: now, actor: actor)
        case .review(let reason):
            try await RegistrationMatching.decide(registration, .rejected, reason: "transferCode.\(reason.rawValue)", on: db, at: now, actor: actor)
        case .noMatch(let reason):
            try await RegistrationMatching.decide(registration, .rejected, reason: "transferCode.\(reason.rawValue)", on: db, at: now, actor: actor)
        }
        return .refused
    }

    /// Finds the unused, unexpired code of the account whose member has `memberNumber`.
    package static func redeemable(_ code: String, memberNumber: String, on db: any Database, hasher: TokenHasher, at now: Date) async throws
        -> (TransferCode, Member)?
    {
        let normalized = normalize(code)
        guard normalized.count == 12 else { return nil }
        guard let row = try await TransferCode.query(on: db).filter(\.$codeHash == hasher.hash(normalized)).filter(\.$usedAt == nil).first(),
              row.expiresAt > now,
              let account = try await Account.find(row.accountID, on: db), account.state == .active,
              let member = try await Member.find(account.$member.id, on: db), member.memberNumber == memberNumber
        else { return nil }
        return (row, member)
    }

    package static func normalize(_ code: String) -> String {
        code.uppercased().filter { alphabet.contains($0) }
    }
}
