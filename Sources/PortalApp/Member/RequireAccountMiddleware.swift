import Fluent
import Foundation
import SQLKit
import Vapor

/// Guards the member area: a signed-in person with an active account.
/// Everything below reads `req.member`, so every query is scoped to that member.
struct RequireAccountMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let session = request.currentSession, session.isSignedIn else {
            let notice = request.sessionState.expiredNow ? "?abgelaufen=1" : ""
            return request.redirect(to: SiteURL.start.path + notice)
        }
        guard let accountID = session.accountID,
              let (account, member, unread) = try await Self.accountAndMember(accountID, on: request.db), account.state == .active
        else {
            return request.redirect(to: SiteURL.registration.path)
        }
        request.signedInMember = SignedInMember(account: account, member: member, unreadCount: unread)
        return try await next.respond(to: request)
    }
}

extension RequireAccountMiddleware {
    /// The account, its member and the member's unread messages (for the
    /// navigation) in one query, filled without reflection (RowLoading.swift).
    static func accountAndMember(_ accountID: UUID, on db: any Database) async throws -> (Account, Member, unread: Int)? {
        let memberColumns = Member.columns.map { "m.\($0)" }.joined(separator: ", ")
        let row = try await db.requireSQL().raw("""
            SELECT a.id AS account_id, a.pseudonym AS account_pseudonym, a.state AS account_state,
                   a.activated_at AS account_activated_at, \(unsafeRaw: memberColumns),
                   (SELECT COUNT(*) FROM \(unsafeRaw: InboxMessage.schema) i WHERE i.member_id = m.id AND i.read_at IS NULL) AS unread
            FROM \(unsafeRaw: Account.schema) a JOIN \(unsafeRaw: Member.schema) m ON m.id = a.member_id
            WHERE a.id = \(bind: accountID)
            """).first()
        guard let row else { return nil }
        let member = Member()
        try member.fill(from: row)
        let account = Account()
        account.id = try row.decode(column: "account_id", as: UUID.self)
        account.$member.id = try member.requireID()
        account.pseudonym = try row.decode(column: "account_pseudonym", as: String.self)
        account.state = Account.State(rawValue: try row.decode(column: "account_state", as: String.self)) ?? .blocked
        account.activatedAt = try row.decode(column: "account_activated_at", as: Date.self)
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
