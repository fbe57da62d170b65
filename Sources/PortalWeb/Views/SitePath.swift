import Foundation
import Vapor
import PortalCore

/// A path parameter of a `SitePath`: `.key` where a route is registered (it
/// becomes `:name` in the pattern), `.value(x)` where a link is written.
/// One case gives both, so a route and its links cannot drift apart (the
/// pattern of SwiftPackageIndex-Server's `SiteURL` with `Parameter<T>`).
package enum Parameter<Value: Sendable & Equatable>: Sendable, Equatable {
    case key
    case value(Value)
}

/// One segment of a path: fixed text, or a named parameter with its value
/// (nil in a route pattern).
package enum PathSegment: Sendable, Equatable {
    case fixed(String)
    case parameter(String, String?)
}

/// The addresses of one listener (`SiteURL` for members, `BackOfficeURL` for
/// staff): an enum whose cases list their segments. Links, redirects and
/// route patterns are all derived from those, so no path is glued by hand.
package protocol SitePath: Sendable {
    var segments: [PathSegment] { get }
}

extension SitePath {
    /// The path for a link or redirect. A `.key` parameter here is a programming error.
    package var path: String {
        "/" + segments.map { segment in
            switch segment {
            case .fixed(let text): text
            case .parameter(let name, nil): preconditionFailure("path needs a value for :\(name)")
            case .parameter(_, let value?): PathEncoding.encoded(value)
            }
        }.joined(separator: "/")
    }

    /// The path with a query (keys and values percent-encoded, in the given
    /// order) and an optional fragment.
    package func path(query: KeyValuePairs<String, String>, fragment: String? = nil) -> String {
        var result = path
        if !query.isEmpty {
            result += "?" + query.map { "\(PathEncoding.encoded($0.key))=\(PathEncoding.encoded($0.value))" }.joined(separator: "&")
        }
        if let fragment { result += "#" + PathEncoding.encoded(fragment) }
        return result
    }

    /// The route pattern for Vapor's router: parameters as `:name`.
    package var components: [PathComponent] {
        segments.map { segment in
            switch segment {
            case .fixed(let text): .constant(text)
            case .parameter(let name, _): .parameter(name)
            }
        }
    }
}

package enum PathEncoding {
    /// RFC 3986 unreserved characters stay; everything else is percent-encoded.
    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    package static func encoded(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }
}
