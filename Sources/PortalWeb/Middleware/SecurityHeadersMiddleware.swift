import Vapor
import PortalCore

/// The security headers of SECURITY.md on every response, error pages included
/// (this middleware is the outermost, so it also sees what the error page returns).
package struct SecurityHeadersMiddleware: AsyncMiddleware {
    package let usesHTTPS: Bool

    package static let contentSecurityPolicy =
        "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'; img-src 'self' data:"

    package func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response: Response
        do {
            response = try await next.respond(to: request)
        } catch {
            // Only reachable if the error page itself failed; still answer safely.
            response = Response(status: .internalServerError, body: .init(string: "Interner Fehler / Internal error"))
            response.headers.contentType = .plainText
        }
        apply(to: response, path: request.url.path)
        return response
    }

    package func apply(to response: Response, path: String) {
        let headers = [
            ("Content-Security-Policy", Self.contentSecurityPolicy),
            ("X-Content-Type-Options", "nosniff"),
            ("Referrer-Policy", "no-referrer"),
            ("X-Frame-Options", "DENY"),
            ("Cross-Origin-Opener-Policy", "same-origin"),
            ("Cross-Origin-Resource-Policy", "same-origin"),
            ("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"),
        ]
        for (name, value) in headers { response.headers.replaceOrAdd(name: name, value: value) }
        if usesHTTPS {
            response.headers.replaceOrAdd(name: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains")
        }
        // Static assets hold nothing personal and may be cached; everything
        // else may show personal data, so no browser or proxy keeps a copy.
        if path.hasPrefix("/static/") && response.status == .ok {
            response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        } else {
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        }
        addCharset(to: response)
    }

    private func addCharset(to response: Response) {
        guard let type = response.headers.first(name: .contentType), !type.lowercased().contains("charset") else { return }
        let lower = type.lowercased()
        if lower.hasPrefix("text/") || lower.hasPrefix("application/json") || lower.hasPrefix("application/javascript") {
            response.headers.replaceOrAdd(name: .contentType, value: type + "; charset=utf-8")
        }
    }

    package init(usesHTTPS: Bool) {
        self.usesHTTPS = usesHTTPS
    }
}
