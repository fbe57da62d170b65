import Vapor
import PortalCore

/// CSRF protection for visitors without a session, without a database row:
/// the visitor gets a random pre-session cookie, and the form token is its
/// keyed hash (OWASP's "signed double-submit cookie"). A cross-site page can
/// neither read the cookie nor compute the hash without the server's key;
/// with https the `__Host-` prefix keeps sibling hosts from planting one.
/// The sign-in creates the real session with its own synchroniser token.
package enum AnonymousCSRF {
    package static func cookieName(_ config: PortalConfiguration) -> String {
        config.usesHTTPS ? "__Host-portal_csrf" : "portal_csrf"
    }

    /// The form token for this visitor; issues the cookie on first use.
    package static func token(for request: Request) -> String {
        let state = request.sessionState
        if let seed = state.anonymousCSRFSeed ?? seed(of: request) {
            state.anonymousCSRFSeed = seed
            return derive(seed, request)
        }
        let seed = TokenHasher.randomToken()
        state.anonymousCSRFSeed = seed
        state.issueAnonymousCSRFCookie = true
        return derive(seed, request)
    }

    /// The token `token(for:)` gave this request's page, if it asked for one.
    package static func issued(for request: Request) -> String? {
        request.sessionState.anonymousCSRFSeed.map { derive($0, request) }
    }

    /// The token the visitor's cookie entitles it to send, if it has one.
    package static func expected(for request: Request) -> String? {
        seed(of: request).map { derive($0, request) }
    }

    private static func seed(of request: Request) -> String? {
        guard let value = request.parsedCookies[cookieName(request.portal.configuration)]?.string,
              TokenHasher.isWellFormed(value) else { return nil }
        return value
    }

    /// Domain-separated from the session-id hashes made with the same key.
    private static func derive(_ seed: String, _ request: Request) -> String {
        request.portal.tokens.sessions.hash("anonymous csrf token:" + seed)
    }

    package static func cookie(_ seed: String, _ config: PortalConfiguration) -> HTTPCookies.Value {
        HTTPCookies.Value(string: seed, expires: nil, maxAge: nil, domain: nil, path: "/",
                          isSecure: config.usesHTTPS, isHTTPOnly: true, sameSite: .lax)
    }
}
