import Fluent
import Foundation
import SQLKit
import Vapor

/// Guards the member area: a signed-in person with an active account.
/// Everything below reads `req.member`, so every query is scoped to that member.
struct RequireAccountMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let session = request.currentSession, session.isSignedIn else {
            return request.redirect(to: request.sessionState.expiredNow ? SiteURL.start.path(query: ["abgelaufen": "1"]) : SiteURL.start.path)
        }
        guard let accountID = session.accountID,
              let (account, member, unread) = try await Self.preloadedOrFresh(accountID, request), account.state == .active
        else {
            return request.redirect(to: SiteURL.registration.path)
        }
        request.signedInMember = SignedInMember(account: account, member: member, unreadCount: unread)
        return try await next.respond(to: request)
    }
}

extension RequireAccountMiddleware {
    /// What SessionMiddleware loaded with the session, if it is this account's; else a fresh query.
    static func preloadedOrFresh(_ accountID: UUID, _ request: Request) async throws -> (Account, Member, unread: Int)? {
        if let preloaded = request.sessionState.accountAndMember, preloaded.0.id == accountID { return preloaded }
        return try await accountAndMember(accountID, on: request.db)
    }

    /// The account, its member and the member's unread messages (for the
    /// navigation) in one query, filled without reflection (RowLoading.swift).
    /// SessionMiddleware reads the same columns with the session, so a page
    /// of the member area usually finds them loaded already.
    static func accountAndMember(_ accountID: UUID, on db: any Database) async throws -> (Account, Member, unread: Int)? {
        let row = try await db.requireSQL().raw("""
            SELECT \(unsafeRaw: accountMemberColumns)
            FROM \(unsafeRaw: Account.schema) a JOIN \(unsafeRaw: Member.schema) m ON m.id = a.member_id
            WHERE a.id = \(bind: accountID)
            """).first()
        return try row.flatMap(decodeAccountAndMember)
    }

    /// Select list for `a` (accounts) and `m` (members), prefixed so it can
    /// stand beside a session's own columns.
    static let accountMemberColumns: String = {
        let account = "a.id AS acc_id, a.pseudonym AS acc_pseudonym, a.state AS acc_state, a.activated_at AS acc_activated_at"
        let member = Member.columns.map { "m.\($0) AS mem_\($0)" }.joined(separator: ", ")
        let unread = "(SELECT COUNT(*) FROM \(InboxMessage.schema) i WHERE i.member_id = m.id AND i.read_at IS NULL) AS unread"
        return [account, member, unread].joined(separator: ", ")
    }()

    /// nil when the row has no account or no member (a LEFT JOIN that found none).
    static func decodeAccountAndMember(_ row: any SQLRow) throws -> (Account, Member, unread: Int)? {
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

struct SignedInMember: @unchecked Sendable {
    // @unchecked: Fluent models, used by this one request only.
    let account: Account
    let member: Member
    /// Shown beside "Posteingang" in the navigation.
    var unreadCount: Int
}

extension Request {
    private struct MemberKey: StorageKey { typealias Value = SignedInMember }

    var signedInMember: SignedInMember? {
        get { storage[MemberKey.self] }
        set { storage[MemberKey.self] = newValue }
    }

    /// The member of this request; only routes behind `RequireAccountMiddleware` call it.
    func requireMember() throws -> SignedInMember {
        guard let member = signedInMember else { throw Abort(.unauthorized) }
        return member
    }
}
