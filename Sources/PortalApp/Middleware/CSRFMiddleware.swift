import Vapor

/// Synchroniser-token check on every unsafe method (ASVS 3.5.1; CON.10.A15):
/// the form field `csrf_token` (or the `X-CSRF-Token` header for scripts)
/// must equal the token stored in the visitor's server-side session, or for a
/// visitor without one the token bound to its pre-session cookie (AnonymousCSRF).
struct CSRFMiddleware: AsyncMiddleware {
    static let fieldName = "csrf_token"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard [.POST, .PUT, .PATCH, .DELETE].contains(request.method) else {
            return try await next.respond(to: request)
        }
        try enforceBodyLimit(request)
        guard let expected = request.currentSession?.csrfToken ?? AnonymousCSRF.expected(for: request),
              let given = try await submittedToken(request),
              TokenHasher.constantTimeEquals(given, expected)
        else {
            request.logger.notice("csrf check failed", metadata: ["path": .string(request.url.path)])
            throw Abort(.forbidden, reason: "csrf")
        }
        return try await next.respond(to: request)
    }

    /// Bodies over the limit are refused with 413 before anything reads them,
    /// whether they arrive streamed or already collected.
    private func enforceBodyLimit(_ request: Request) throws {
        let limit = request.application.routes.defaultMaxBodySize.value
        let declared = request.headers.first(name: .contentLength).flatMap(Int.init) ?? 0
        let collected = request.body.data?.readableBytes ?? 0
        if declared > limit || collected > limit { throw Abort(.payloadTooLarge) }
    }

    private func submittedToken(_ request: Request) async throws -> String? {
        if let header = request.headers.first(name: "X-CSRF-Token") { return header }
        guard request.headers.contentType == .urlEncodedForm else { return nil }
        // Collect the body here (bounded) so the form can be read before the route runs.
        if request.body.data == nil {
            _ = try await request.body.collect(max: request.application.routes.defaultMaxBodySize.value).get()
        }
        return try? request.content.get(String.self, at: Self.fieldName)
    }
}
