import Fluent
import SQLKit
import Vapor
import PortalCore

/// The request's view of its server-side session; handlers change it through
/// `Request+Session`, and the middleware writes the cookie afterwards.
package final class SessionState: @unchecked Sendable {
    // @unchecked: one request's handlers use it, one after the other.
    package var session: PortalSession?
    /// A token to send as a new cookie (new session or rotation at sign-in).
    package var issuedToken: String?
    package var clearCookie = false
    /// A signed-in session ended by a timeout on this request.
    package var expiredNow = false
    /// The session's account, member and unread count, read with the session
    /// in one query; RequireAccountMiddleware uses them when they still fit.
    package var accountAndMember: (Account, Member, unread: Int)?
    /// The pre-session cookie's value behind a visitor's anonymous CSRF token.
    package var anonymousCSRFSeed: String?
    package var issueAnonymousCSRFCookie = false
    /// The listener's scope; new sessions are created in it.
    package var scope: SessionScope = .member
}

/// Loads the session named by the cookie, enforces the idle and absolute
/// timeouts (ASVS 7.3.1, 7.3.2) and writes the hardened cookie.
package struct SessionMiddleware: AsyncMiddleware {
    /// Writing `last_seen_at` on every request would cost a write per page;
    /// within this many seconds the previous value is close enough.
    package static let touchGranularity: TimeInterval = 20

    /// Which sessions this listener accepts and creates.
    package let scope: SessionScope
    /// A path whose requests do not count as activity (the idle-timeout
    /// dialog's status poll: asking how much time is left must not extend it).
    package let untouchedPath: String?

    package func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let state = SessionState()
        state.scope = scope
        request.sessionState = state
        try await load(into: state, request: request)
        let response = try await next.respond(to: request)
        writeCookie(state, request: request, response: response)
        return response
    }

    private func load(into state: SessionState, request: Request) async throws {
        let config = request.portal.configuration
        guard let token = request.parsedCookies[scope.cookieName(usesHTTPS: config.usesHTTPS)]?.string else { return }
        guard TokenHasher.isWellFormed(token),
              let (session, accountAndMember) = try await Self.session(tokenHash: request.portal.tokens.sessions.hash(token),
                                                                         scope: scope, on: request.db)
        else {
            state.clearCookie = true
            return
        }
        let now = request.clock.now()
        if now >= session.end(idle: config.sessionIdleTimeout, absolute: config.sessionAbsoluteTimeout) {
            try await session.delete(on: request.db)
            state.clearCookie = true
            state.expiredNow = session.isSignedIn
            return
        }
        state.session = session
        state.accountAndMember = accountAndMember
        if now.timeIntervalSince(session.lastSeenAt) >= Self.touchGranularity, request.url.path != untouchedPath {
            session.lastSeenAt = now
            try await session.save(on: request.db)
        }
    }

    /// The session with its account and member (LEFT JOINs: a session before
    /// registration has neither), in one query without reflection.
    package static func session(tokenHash: String, scope: SessionScope, on db: any Database) async throws -> (PortalSession, (Account, Member, unread: Int)?)? {
        let row = try await db.requireSQL().raw("""
            SELECT \(unsafeRaw: selectList)
            FROM \(unsafeRaw: PortalSession.schema) s
            LEFT JOIN \(unsafeRaw: Account.schema) a ON a.id = s.account_id
            LEFT JOIN \(unsafeRaw: Member.schema) m ON m.id = a.member_id
            WHERE s.token_hash = \(bind: tokenHash) AND s.scope = \(bind: scope.rawValue) LIMIT 1
            """).first()
        guard let row else { return nil }
        let session = PortalSession()
        try session.fill(from: row)
        return (session, try AccountAndMember.decode(row))
    }

    /// The session's own columns and then the account's and member's, built once.
    private static let selectList = (PortalSession.columns.map { "s.\($0)" } + [AccountAndMember.columns])
        .joined(separator: ", ")

    private func writeCookie(_ state: SessionState, request: Request, response: Response) {
        let config = request.portal.configuration
        let cookieName = scope.cookieName(usesHTTPS: config.usesHTTPS)
        if let token = state.issuedToken {
            response.cookies[cookieName] = HTTPCookies.Value(
                string: token, expires: nil, maxAge: nil, domain: nil, path: "/",
                isSecure: config.usesHTTPS, isHTTPOnly: true, sameSite: .lax)
        } else if state.clearCookie {
            response.cookies[cookieName] = HTTPCookies.Value(
                string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, domain: nil, path: "/",
                isSecure: config.usesHTTPS, isHTTPOnly: true, sameSite: .lax)
        }
        if state.issueAnonymousCSRFCookie, state.session == nil, let seed = state.anonymousCSRFSeed {
            response.cookies[AnonymousCSRF.cookieName(config)] = AnonymousCSRF.cookie(seed, config)
        }
    }

    package init(scope: SessionScope, untouchedPath: String? = nil) {
        self.scope = scope
        self.untouchedPath = untouchedPath
    }
}

extension Request {
    private struct SessionStateKey: StorageKey { typealias Value = SessionState }

    package var sessionState: SessionState {
        get {
            if let state = storage[SessionStateKey.self] { return state }
            let state = SessionState()
            storage[SessionStateKey.self] = state
            return state
        }
        set { storage[SessionStateKey.self] = newValue }
    }
}
