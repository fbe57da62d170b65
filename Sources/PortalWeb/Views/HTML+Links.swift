import Vapor
import PortalCore

/// Links in markup come from a `SitePath` (`SiteURL`, `BackOfficeURL`) only: `href="\(SiteURL.documents)"`,
/// or with a query whose keys and values are percent-encoded,
/// `\(SiteURL.registration, query: ["neu": "1"])`. The path is escaped like
/// any other text, so not even a parameter value can leave the attribute.
extension HTML.StringInterpolation {
    package mutating func appendInterpolation(_ url: some SitePath) {
        appendInterpolation(url.path)
    }

    package mutating func appendInterpolation(_ url: some SitePath, query: KeyValuePairs<String, String>, fragment: String? = nil) {
        appendInterpolation(url.path(query: query, fragment: fragment))
    }

    /// A component's markup, so that pages and components nest components.
    package mutating func appendInterpolation(_ component: some Component) {
        appendInterpolation(component.html)
    }

    /// Markup only when present: `\(optionalHint)`.
    package mutating func appendInterpolation(_ html: HTML?) {
        if let html { appendInterpolation(html) }
    }
}

/// A piece of markup that a page or another component puts in with
/// `\(component)`. Components are values, so a form engine can build a tree
/// of them and render it recursively.
package protocol Component: Sendable {
    var html: HTML { get }
}

extension HTML {
    package static func += (lhs: inout HTML, rhs: some Component) {
        lhs += rhs.html
    }

    /// Markup only when `condition` holds: `\(.when(checked, " checked"))`.
    package static func when(_ condition: Bool, _ html: HTML) -> HTML {
        condition ? html : .empty
    }
}
