import Fluent
import Foundation
import PortalDomain
import SQLKit

/// At most 5 registrations per card and per member number in 24 hours
/// (DOMAIN.md). Every submitted number counts, known or not, so the limit
/// never tells whether a number exists.
///
/// Counting and inserting must be one atomic step (SECURITY.md
/// "concurrency"): 14 cards posting one number at once all read "4 so far"
/// otherwise. `lock` serialises the submissions that share a card or a
/// number until the caller's write transaction ends; count and insert
/// happen inside it.
package enum RegistrationAttempts {
    package static let window: TimeInterval = 24 * 3600

    /// SQLite: the caller's `writeTransaction` already holds the only write
    /// lock (`BEGIN IMMEDIATE`), so nothing more is needed. PostgreSQL: one
    /// transaction-scoped advisory lock per card and per number, taken in
    /// ascending order so two submissions never wait for each other crosswise.
    package static func lock(pseudonym: String, memberNumber: String, on db: any Database) async throws {
        let sql = try db.requireSQL()
        guard sql.dialect.name == "postgresql" else { return }
        let keys = Set([lockKey("card:\(pseudonym)"), lockKey("number:\(memberNumber)")]).sorted()
        for key in keys {
            try await sql.raw("SELECT pg_advisory_xact_lock(\(bind: lockSpace), \(bind: key))").run()
        }
    }

    /// Whether one more registration is allowed now; call after `lock`, in the same transaction.
    package static func decide(pseudonym: String, memberNumber: String, on db: any Database, at now: Date) async throws
        -> RegistrationAttemptPolicy.Decision
    {
        let since = now.addingTimeInterval(-window)
        let byCard = try await Registration.query(on: db).filter(\.$pseudonym == pseudonym)
            .filter(\.$createdAt > since).all(\.$createdAt)
        let byNumber = try await Registration.query(on: db).filter(\.$memberNumber == memberNumber)
            .filter(\.$createdAt > since).all(\.$createdAt)
        return RegistrationAttemptPolicy().decide(pseudonymAttempts: byCard, memberNumberAttempts: byNumber, now: now)
    }

    /// The first key of the two-key advisory lock ("REG!"): registration attempts' own space.
    private static let lockSpace: Int32 = 0x5245_4721

    /// FNV-1a, 32 bits: stable across processes (Swift's `hashValue` is
    /// seeded per process). A collision only makes two keys share a lock.
    package static func lockKey(_ text: String) -> Int32 {
        var hash: UInt32 = 2_166_136_261
        for byte in text.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        return Int32(bitPattern: hash)
    }
}
