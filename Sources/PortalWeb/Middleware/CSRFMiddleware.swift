import Vapor
import PortalCore

/// Synchroniser-token check on every unsafe method (ASVS 3.5.1; CON.10.A15):
/// the form field `csrf_token`, in a URL-encoded or a multipart form (or the
/// `X-CSRF-Token` header for scripts), must equal the token stored in the
/// visitor's server-side session, or for a visitor without one the token bound
/// to its pre-session cookie (AnonymousCSRF). Only a route listed in
/// `CSRFExemptions` goes without.
package struct CSRFMiddleware: AsyncMiddleware {
    package init() {}

    package static let fieldName = "csrf_token"
    package static let headerName = "X-CSRF-Token"

    package func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard [.POST, .PUT, .PATCH, .DELETE].contains(request.method), !CSRFExemptions.covers(request) else {
            return try await next.respond(to: request)
        }
        let form = try await SubmittedForm.read(request)
        guard let expected = request.currentSession?.csrfToken ?? AnonymousCSRF.expected(for: request),
              let given = request.headers.first(name: Self.headerName) ?? form.token,
              TokenHasher.constantTimeEquals(given, expected)
        else {
            request.logger.notice("csrf check failed", metadata: ["path": .string(request.url.path)])
            throw Abort(.forbidden, reason: "csrf")
        }
        // The route's decoder would fail on the same bytes with an error no
        // page can name (a 500 before); refuse the body here instead.
        guard form != .malformed else { throw Abort(.badRequest, reason: "malformed multipart body") }
        return try await next.respond(to: request)
    }
}
