import PostgresNIO
import Vapor
import PortalCore

/// Turns every error into a page in the visitor's language with a reference
/// id; the details go to the log under that id, never to the page.
package struct ErrorPageMiddleware: AsyncMiddleware {
    /// The frame the error page is drawn in: the listener's own.
    package let frame: any PageFraming

    package func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            return await errorResponse(for: error, request: request)
        }
    }

    private func errorResponse(for error: any Error, request: Request) async -> Response {
        let status: HTTPResponseStatus
        var headers = HTTPHeaders()
        switch error {
        case let abort as any AbortError:
            status = abort.status
            headers = abort.headers
        case is DecodingError:
            status = .badRequest
        case let refused as PSQLError where Self.inputRefusedByPostgreSQL.contains(refused.serverInfo?[.sqlState] ?? ""):
            // A NUL or a broken byte sequence that no field check caught is the
            // input's fault: PostgreSQL stores no NUL in text, SQLite does.
            status = .badRequest
        default:
            status = .internalServerError
        }
        let reference = String(UUID().uuidString.prefix(8)).lowercased()
        // RequestGuardMiddleware refuses before LanguageMiddleware has run.
        request.language = LanguageMiddleware.language(for: request)
        if status.code >= 500 {
            request.logger.error("request failed", metadata: ["ref": .string(reference), "error": .string(String(reflecting: error))])
        } else {
            request.logger.info("request refused", metadata: ["ref": .string(reference), "status": .stringConvertible(status.code)])
        }
        let content = Self.page(messageKey: Self.messageKey(for: status), reference: reference, status: Int(status.code),
                                home: frame.home, request.texts)
        let response = frame.respond(request, titleKey: "error.title", status: status, content: content)
        for (name, value) in headers where name.lowercased() == "retry-after" || name.lowercased() == "location" {
            response.headers.replaceOrAdd(name: name, value: value)
        }
        return response
    }

    /// What a person sees of an error: a message, the reference the log has
    /// the details under, and the way back.
    package static func page(messageKey: String, reference: String, status: Int, home: String, _ t: Texts) -> HTML {
        """
        <h1>\(t("error.title"))</h1>
        <p class="lead">\(t(messageKey))</p>
        <p>\(t("error.reference", reference)) · \(t("error.status", String(status)))</p>
        <p><a href="\(home)">\(t("error.back"))</a></p>
        """
    }

    /// character_not_in_repertoire, untranslatable_character.
    package static let inputRefusedByPostgreSQL: Set<String> = ["22021", "22P05"]

    package static func messageKey(for status: HTTPResponseStatus) -> String {
        switch status.code {
        case 400, 422: "error.400"
        case 401: "error.401"
        case 403: "error.403"
        case 404: "error.404"
        case 405: "error.405"
        case 413: "error.413"
        case 415: "error.415"
        case 429: "error.429"
        case 503: "error.503"
        default: status.code >= 500 ? "error.500" : "error.400"
        }
    }

    package init(frame: any PageFraming) {
        self.frame = frame
    }
}
