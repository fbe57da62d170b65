import Fluent
import Foundation
import PortalDomain
import Vapor

/// One-time codes for a new card: while still signed in with the old card,
/// a member creates a code (shown once, stored as a keyed hash, valid 30
/// days); registering the next card with it binds that card at once,
/// without a new matching delay.
enum TransferCodes {
    static let validity: TimeInterval = 30 * 86_400
    /// Crockford-style alphabet: no 0/O or 1/I/L to confuse when typed from paper.
    static let alphabet = Array("ABCDEFGHJKMNPQRSTVWXYZ23456789")

    static func create(for accountID: UUID, on db: any Database, hasher: TokenHasher, at now: Date) async throws -> String {
        var generator = SystemRandomNumberGenerator()
        let raw = String((0..<12).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
        let code = stride(from: 0, to: 12, by: 4).map { offset in
            String(raw[raw.index(raw.startIndex, offsetBy: offset)..<raw.index(raw.startIndex, offsetBy: offset + 4)])
        }.joined(separator: "-")
        try await db.transaction { tx in
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

    /// Finds the unused, unexpired code of the account whose member has `memberNumber`.
    static func redeemable(_ code: String, memberNumber: String, on db: any Database, hasher: TokenHasher, at now: Date) async throws
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

    static func normalize(_ code: String) -> String {
        code.uppercased().filter { alphabet.contains($0) }
    }
}
