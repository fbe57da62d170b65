import Vapor
import PortalCore

/// A form body as the CSRF check sees it before the route runs: collected up
/// to the route's limit (`RouteBodyLimit`), then searched for the token field.
package enum SubmittedForm: Equatable {
    /// No body, or one that is not a form (scripts send the token as a header).
    case none
    case fields(token: String?)
    /// A multipart body the parser refuses.
    case malformed

    package var token: String? {
        if case .fields(let token) = self { token } else { nil }
    }

    package static func read(_ request: Request) async throws -> SubmittedForm {
        guard let type = request.headers.contentType, type == .urlEncodedForm || type == .formData else { return .none }
        guard let body = try await request.body.collect(upTo: RouteBodyLimit.bytes(for: request)) else { return .fields(token: nil) }
        if type == .urlEncodedForm {
            return .fields(token: try? request.content.get(String.self, at: CSRFMiddleware.fieldName))
        }
        guard let boundary = MultipartBoundary.of(type) else { return .malformed }
        return multipart(body, boundary: boundary)
    }

    /// Parses every part (so that a body the route's decoder would refuse is
    /// found here), keeping only the first token field's value.
    private static func multipart(_ body: ByteBuffer, boundary: String) -> SubmittedForm {
        let parser = MultipartParser(boundary: boundary)
        var headers = HTTPHeaders()
        var value = ByteBuffer()
        var token: String?
        parser.onHeader = { name, text in headers.add(name: name, value: text) }
        parser.onBody = { chunk in
            if token == nil, MultipartPart(headers: headers, body: ByteBuffer()).name == CSRFMiddleware.fieldName {
                value.writeBuffer(&chunk)
            }
        }
        parser.onPartComplete = {
            if token == nil, MultipartPart(headers: headers, body: value).name == CSRFMiddleware.fieldName {
                token = String(buffer: value)
            }
            headers = HTTPHeaders()
            value = ByteBuffer()
        }
        do {
            try parser.execute(body)
        } catch {
            return .malformed
        }
        return .fields(token: token)
    }
}

/// The boundary of a `multipart/form-data` body (RFC 2046 § 5.1.1: 1 to 70
/// characters from a small set). MultipartKit stops the process on an empty
/// boundary (a precondition), so nothing reaches it unchecked.
package enum MultipartBoundary {
    private static let allowed = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'()+_,-./:=? ".unicodeScalars)

    package static func of(_ type: HTTPMediaType) -> String? {
        guard let boundary = type.parameters["boundary"], (1...70).contains(boundary.unicodeScalars.count),
              boundary.unicodeScalars.allSatisfy(allowed.contains), boundary.last != " " else { return nil }
        return boundary
    }
}
