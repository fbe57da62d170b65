import Vapor
import PortalCore

/// How many body bytes a route accepts. Every route takes the standard
/// limit (`app.routes.defaultMaxBodySize`, 64 KB: a form's text) unless it
/// is registered with `post(_:bodyLimit:use:)`, the one way to declare more.
/// The limit is enforced before any body is read: a declared
/// `Content-Length` over it is answered 413 at once (`RequestGuardMiddleware`),
/// and a body sent without a length is collected only up to it and refused
/// at the first byte beyond; the rest is drained, never kept (ASVS 5.2.1).
package enum RouteBodyLimit: Sendable, Equatable {
    /// The form limit, `app.routes.defaultMaxBodySize`.
    case standard
    /// An upload form: its files and fields together, up to this many megabytes (MiB).
    case upload(megabytes: Int)
    /// A text form where a pasted text may be far too long: the form answers
    /// with the field's own message ("at most 2,000 characters") instead of a
    /// bare 413, and keeps the member's other answers (application steps).
    case longText(megabytes: Int)

    /// Where the route records its limit (`Route.userInfo`).
    package static let userInfoKey = "portal.bodyLimit"

    package func bytes(_ application: Application) -> Int {
        switch self {
        case .standard: application.routes.defaultMaxBodySize.value
        case .upload(let megabytes), .longText(let megabytes): megabytes * 1_048_576
        }
    }

    /// The limit of the route this request was routed to; the standard limit
    /// for a path no route serves.
    package static func of(_ request: Request) -> RouteBodyLimit {
        request.route?.userInfo[userInfoKey] as? RouteBodyLimit ?? .standard
    }

    package static func bytes(for request: Request) -> Int {
        of(request).bytes(request.application)
    }
}

extension Request.Body {
    /// Collects the body up to `limit` bytes inclusive; 413 past it, without
    /// holding more than the limit (Vapor's own `collect(max:)` refuses a body
    /// of exactly `max` bytes, hence the one extra byte).
    package func collect(upTo limit: Int) async throws -> ByteBuffer? {
        try await collect(max: limit + 1).get()
    }
}

extension RoutesBuilder {
    /// A POST route that accepts up to `bodyLimit`; the body is collected as
    /// it streams in and never beyond the limit.
    @discardableResult
    package func post<Response: AsyncResponseEncodable>(
        _ path: [PathComponent],
        bodyLimit: RouteBodyLimit,
        use closure: @Sendable @escaping (Request) async throws -> Response
    ) -> Route {
        let route = on(.POST, path, body: .stream) { request async throws -> Response in
            _ = try await request.body.collect(upTo: bodyLimit.bytes(request.application))
            return try await closure(request)
        }
        route.userInfo[RouteBodyLimit.userInfoKey] = bodyLimit
        return route
    }
}
