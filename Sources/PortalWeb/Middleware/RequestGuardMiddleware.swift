import Vapor
import PortalCore

/// Refuses requests no route or file can serve, before anything touches the
/// file system or a body parser.
/// - Paths: the static-file middleware answered 500 for over-long names
///   (ENAMETOOLONG) and for `portal.css/..` (ENOTDIR), and served
///   `portal.js%00.html` as text/html: the file system reads the name only up
///   to the NUL, while the type came from the `.html` after it.
/// - Bodies: every form and script of the portal posts
///   `application/x-www-form-urlencoded`, upload forms `multipart/form-data`;
///   other types get 415 up front, a multipart type without a usable boundary
///   400 (MultipartKit stops the process on an empty one; the CSRF check
///   refuses a body its parser would fail on). A body over the route's limit
///   (`RouteBodyLimit`) is 413 before a byte of it is read.
package struct RequestGuardMiddleware: AsyncMiddleware {
    package init() {}

    /// Well below PATH_MAX (4096) once the public directory is prefixed.
    package static let maximumPathBytes = 2_048
    /// NAME_MAX on every file system the portal runs on.
    package static let maximumSegmentBytes = 255

    package func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        try Self.check(request.url.path)
        try Self.checkBodySize(request)
        try Self.checkBodyType(request)
        return try await next.respond(to: request)
    }

    package static func checkBodySize(_ request: Request) throws {
        let limit = RouteBodyLimit.bytes(for: request)
        let declared = request.headers.first(name: .contentLength).flatMap(Int.init) ?? 0
        let collected = request.body.data?.readableBytes ?? 0
        if declared > limit || collected > limit { throw Abort(.payloadTooLarge) }
    }

    package static func checkBodyType(_ request: Request) throws {
        guard [.POST, .PUT, .PATCH, .DELETE].contains(request.method) else { return }
        let declared = request.headers.first(name: .contentLength).flatMap(Int.init)
        let hasBody = declared.map { $0 > 0 } ?? (request.headers.first(name: .transferEncoding) != nil || (request.body.data?.readableBytes ?? 0) > 0)
        guard hasBody, request.headers.contentType != .urlEncodedForm else { return }
        guard let type = request.headers.contentType, type == .formData else { throw Abort(.unsupportedMediaType) }
        guard MultipartBoundary.of(type) != nil else { throw Abort(.badRequest, reason: "multipart boundary") }
    }

    package static func check(_ rawPath: String) throws {
        guard rawPath.utf8.count <= maximumPathBytes else { throw Abort(.uriTooLong) }
        guard let path = rawPath.removingPercentEncoding else { throw Abort(.badRequest, reason: "path encoding") }
        guard !path.unicodeScalars.contains(where: FormText.isControl) else { throw Abort(.badRequest, reason: "control character in path") }
        for segment in path.split(separator: "/", omittingEmptySubsequences: false) {
            if segment.utf8.count > maximumSegmentBytes { throw Abort(.uriTooLong) }
            if segment == "." || segment == ".." { throw Abort(.badRequest, reason: "dot segment in path") }
        }
    }
}

/// Form text is checked for control characters before it is stored:
/// PostgreSQL refuses a NUL in text (a 500 before), and a terminal that shows
/// the text to staff would act on ESC and the other controls.
package enum FormText {
    /// Line breaks and tabs belong in a message; nothing else below 0x20, DEL or C1 does.
    package static func hasControlCharacters(_ text: String, allowingLineBreaks: Bool) -> Bool {
        text.unicodeScalars.contains { scalar in
            if allowingLineBreaks, scalar == "\n" || scalar == "\r" || scalar == "\t" { return false }
            return isControl(scalar)
        }
    }

    package static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
