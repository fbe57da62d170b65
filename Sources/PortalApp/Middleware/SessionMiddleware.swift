import Fluent
import Vapor

/// The request's view of its server-side session; handlers change it through
/// `Request+Session`, and the middleware writes the cookie afterwards.
final class SessionState: @unchecked Sendable {
    // @unchecked: one request's handlers use it, one after the other.
    var session: PortalSession?
    /// A token to send as a new cookie (new session or rotation at sign-in).
    var issuedToken: String?
    var clearCookie = false
    /// A signed-in session ended by a timeout on this request.
    var expiredNow = false
}

/// Loads the session named by the cookie, enforces the idle and absolute
/// timeouts (ASVS 7.3.1, 7.3.2) and writes the hardened cookie.
struct SessionMiddleware: AsyncMiddleware {
    /// Writing `last_seen_at` on every request would cost a write per page;
    /// within this many seconds the previous value is close enough.
    static let touchGranularity: TimeInterval = 20

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let state = SessionState()
        request.sessionState = state
        try await load(into: state, request: request)
        let response = try await next.respond(to: request)
        writeCookie(state, request: request, response: response)
        return response
    }

    private func load(into state: SessionState, request: Request) async throws {
        let config = request.portal.configuration
        guard let token = request.cookies[config.sessionCookieName]?.string else { return }
        guard TokenHasher.isWellFormed(token),
              let session = try await PortalSession.first(on: request.db, where: "token_hash", equals: request.portal.tokens.hash(token))
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
        // Asking how much time is left must not itself extend the session.
        if request.url.path != SiteURL.sessionStatus.path,
           now.timeIntervalSince(session.lastSeenAt) >= Self.touchGranularity {
            session.lastSeenAt = now
            try await session.save(on: request.db)
        }
    }

    private func writeCookie(_ state: SessionState, request: Request, response: Response) {
        let config = request.portal.configuration
        if let token = state.issuedToken {
            response.cookies[config.sessionCookieName] = HTTPCookies.Value(
                string: token, expires: nil, maxAge: nil, domain: nil, path: "/",
                isSecure: config.usesHTTPS, isHTTPOnly: true, sameSite: .lax)
        } else if state.clearCookie {
            response.cookies[config.sessionCookieName] = HTTPCookies.Value(
                string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, domain: nil, path: "/",
                isSecure: config.usesHTTPS, isHTTPOnly: true, sameSite: .lax)
        }
    }
}

extension Request {
    private struct SessionStateKey: StorageKey { typealias Value = SessionState }

    var sessionState: SessionState {
        get {
            if let state = storage[SessionStateKey.self] { return state }
            let state = SessionState()
            storage[SessionStateKey.self] = state
            return state
        }
        set { storage[SessionStateKey.self] = newValue }
    }
}
