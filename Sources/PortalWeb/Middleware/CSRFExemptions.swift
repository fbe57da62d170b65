import Vapor
import PortalCore

/// The routes `CSRFMiddleware` lets through without a synchroniser token:
/// the one place an exemption can be made, so that it is a visible change
/// with its reason (`CrossSitePostTests` asserts the exact list).
///
/// Only a route that a third party must be able to post to, and that checks
/// the sender by other means, belongs here: the SAML assertion consumer
/// (`POST /saml/acs`, posted by the eID service's page; its signature,
/// audience, recipient, expiry and replay checks stand in for the token)
/// joins the list with the SAML service provider.
package enum CSRFExemptions {
    package static let routes: [CSRFExemption] = []

    /// Whether the route this request was routed to is listed. A path no
    /// route serves is never exempt.
    package static func covers(_ request: Request, listed: [CSRFExemption] = routes) -> Bool {
        guard let route = request.route else { return false }
        return listed.contains(CSRFExemption(route.method, route.path))
    }
}

/// A route by its method and pattern (`POST /saml/acs`), as registered.
package struct CSRFExemption: Hashable, Sendable, CustomStringConvertible {
    /// `HTTPMethod` is not `Hashable`; its name is.
    package let method: String
    package let pattern: String

    package init(_ method: HTTPMethod, _ path: [PathComponent]) {
        self.method = method.rawValue
        self.pattern = "/" + path.string
    }

    package var description: String { "\(method) \(pattern)" }
}
