import Fluent
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
              let account = try await Account.first(on: request.db, where: "id", equals: accountID), account.state == .active,
              let member = try await Member.first(on: request.db, where: "id", equals: account.$member.id)
        else {
            return request.redirect(to: SiteURL.registration.path)
        }
        let unread = try await Inbox.unreadCount(of: member.requireID(), on: request.db)
        request.signedInMember = SignedInMember(account: account, member: member, unreadCount: unread)
        return try await next.respond(to: request)
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
