import Fluent
import PortalDomain
import Prometheus
import Vapor
import PortalCore
import PortalWeb

/// An eID identity provider: today the development simulator, later the SAML
/// connector for the German eID and eIDAS. Each ends its flow in `SignInFlow.complete`.
package protocol IdentityProvider: Sendable {
    /// Where "Mit Online-Ausweis anmelden" sends the browser.
    func startSignIn(_ request: Request) async throws -> Response
    /// The provider's own routes (its forms or assertion consumer service).
    func register(on routes: any RoutesBuilder) throws
}

/// What happens after any provider has verified a person.
package enum SignInFlow {
    /// Limits sign-in attempts per client address (ASVS 2.4.1).
    package static func checkRateLimit(_ request: Request) throws {
        let key = request.clientAddress
        if case .limited(let retryAfter) = request.portal.signInLimiter.check(key) {
            throw Abort(.tooManyRequests, headers: ["Retry-After": String(retryAfter)], reason: "sign-in rate limit")
        }
    }

    /// Rotates the session, records the sign-in and sends the person on: a bound,
    /// active card to the member area, an unknown one to the registration.
    package static func complete(_ request: Request, identity: EIDIdentity, provider: String) async throws -> Response {
        let account = try await Account.query(on: request.db)
            .filter(\.$pseudonym == identity.pseudonym)
            .filter(\.$state == .active)
            .first()
        try await request.signIn(identity, accountID: account?.id)
        request.portal.signIns.increment()
        try await AuditLog.record(
            on: request.db, at: request.clock.now(),
            actor: .cardHolder(accountID: account?.id),
            action: "signin", memberID: account?.$member.id,
            // The client's address (behind the proxy: the forwarded one) for investigating sign-ins.
            detail: ["provider": provider, "known": account == nil ? "no" : "yes", "loa": identity.levelOfAssurance,
                     "client": request.clientAddress])
        return request.redirect(to: account == nil ? SiteURL.registration.path : SiteURL.dashboard.path)
    }
}
