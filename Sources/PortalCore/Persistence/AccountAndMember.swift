import Fluent
import Foundation
import SQLKit

/// Reads an account with its member and the member's unread count in one
/// query, without reflection (RowLoading.swift). SessionMiddleware reads the
/// same columns beside the session, so a member page usually finds them loaded.
package enum AccountAndMember {
    /// The account, its member and the member's unread messages (for the navigation).
    package static func load(_ accountID: UUID, on db: any Database) async throws -> (Account, Member, unread: Int)? {
        let row = try await db.requireSQL().raw("""
            SELECT \(unsafeRaw: columns)
            FROM \(unsafeRaw: Account.schema) a JOIN \(unsafeRaw: Member.schema) m ON m.id = a.member_id
            WHERE a.id = \(bind: accountID)
            """).first()
        return try row.flatMap(decode)
    }

    /// Select list for `a` (accounts) and `m` (members), prefixed so it can
    /// stand beside a session's own columns.
    package static let columns: String = {
        let account = "a.id AS acc_id, a.pseudonym AS acc_pseudonym, a.state AS acc_state, a.activated_at AS acc_activated_at"
        let member = Member.columns.map { "m.\($0) AS mem_\($0)" }.joined(separator: ", ")
        let unread = "(SELECT COUNT(*) FROM \(InboxMessage.schema) i WHERE i.member_id = m.id AND i.read_at IS NULL) AS unread"
        return [account, member, unread].joined(separator: ", ")
    }()

    /// nil when the row has no account or no member (a LEFT JOIN that found none).
    package static func decode(_ row: any SQLRow) throws -> (Account, Member, unread: Int)? {
        guard let accountID = try row.decode(column: "acc_id", as: UUID?.self),
              try row.decode(column: "mem_id", as: UUID?.self) != nil else { return nil }
        let member = Member()
        try member.fill(from: row, prefix: "mem_")
        let account = Account()
        account.id = accountID
        account.$member.id = try member.requireID()
        account.pseudonym = try row.decode(column: "acc_pseudonym", as: String.self)
        account.state = Account.State(rawValue: try row.decode(column: "acc_state", as: String.self)) ?? .blocked
        account.activatedAt = try row.decode(column: "acc_activated_at", as: Date.self)
        account.$id.exists = true
        return (account, member, try row.decode(column: "unread", as: Int.self))
    }
}
