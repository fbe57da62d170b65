import Fluent
import Foundation
import SQLKit
import Vapor
import PortalCore
import PortalWeb

/// Guards the member area: a signed-in person with an active account.
/// Everything below reads the member's rows through `req.memberScope()`
/// (MemberScope), which exists only for this signed-in member.
package struct RequireAccountMiddleware: AsyncMiddleware {
    package func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
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
    package static func preloadedOrFresh(_ accountID: UUID, _ request: Request) async throws -> (Account, Member, unread: Int)? {
        if let preloaded = request.sessionState.accountAndMember, preloaded.0.id == accountID { return preloaded }
        return try await AccountAndMember.load(accountID, on: request.db)
    }
}

package struct SignedInMember: @unchecked Sendable {
    // @unchecked: Fluent models, used by this one request only.
    package let account: Account
    package let member: Member
    /// Shown beside "Posteingang" in the navigation.
    package var unreadCount: Int
}

extension Request {
    private struct MemberKey: StorageKey { typealias Value = SignedInMember }

    package var signedInMember: SignedInMember? {
        get { storage[MemberKey.self] }
        set { storage[MemberKey.self] = newValue }
    }

    /// The member of this request; only routes behind `RequireAccountMiddleware` call it.
    package func requireMember() throws -> SignedInMember {
        guard let member = signedInMember else { throw Abort(.unauthorized) }
        return member
    }
}
