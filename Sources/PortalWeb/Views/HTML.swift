import Vapor
import PortalCore

/// Markup built in Swift, safe by construction: string literals are taken as
/// written, every interpolated `String` is escaped (`& < > " '`), so no value
/// can leave an attribute or open a tag. Only another `HTML` (or a
/// `Component`, or a `SiteURL` as escaped text) goes in, and there is no
/// interpolation for any other type, so forgetting to escape does not
/// compile; literals must be `StaticString`s, so no run-time text passes as
/// markup.
///
/// Every page is built with it (docs/decisions.md, "views");
/// ARCHITECTURE.md explains why a general HTML DSL (Plot) was not chosen.
package struct HTML: ExpressibleByStringInterpolation, Sendable, Equatable, CustomStringConvertible {
    private(set) var markup: String

    /// Only literals written in the source are markup: a `String` made at run
    /// time cannot become `HTML` except through an escaping interpolation.
    package init(stringLiteral markup: StaticString) {
        self.markup = markup.description
    }

    package init(stringInterpolation: StringInterpolation) {
        markup = stringInterpolation.markup
    }

    package var description: String { markup }

    package static let empty: HTML = ""

    package static func += (lhs: inout HTML, rhs: HTML) {
        lhs.markup += rhs.markup
    }

    /// The items' markup one after the other.
    package static func join<S: Sequence>(_ items: S, _ render: (S.Element) -> HTML) -> HTML {
        var result = HTML.empty
        for item in items { result += render(item) }
        return result
    }

    package struct StringInterpolation: StringInterpolationProtocol {
        fileprivate var markup = ""

        package init(literalCapacity: Int, interpolationCount: Int) {
            markup.reserveCapacity(literalCapacity + 16 * interpolationCount)
        }

        package mutating func appendLiteral(_ literal: StaticString) {
            markup += literal.description
        }

        package mutating func appendInterpolation(_ text: String) {
            HTML.appendEscaped(text, to: &markup)
        }

        package mutating func appendInterpolation(_ number: Int) {
            markup += String(number)
        }

        package mutating func appendInterpolation(_ html: HTML) {
            markup += html.markup
        }
    }

    /// `text` with `& < > " '` replaced by entities; text without any of
    /// them (nearly all) is appended as it is, without a copy per character.
    package static func escape(_ text: String) -> String {
        var result = ""
        appendEscaped(text, to: &result)
        return result
    }

    private static func appendEscaped(_ text: String, to markup: inout String) {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            markup += text
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": markup += "&amp;"
            case "<": markup += "&lt;"
            case ">": markup += "&gt;"
            case "\"": markup += "&quot;"
            case "'": markup += "&#39;"
            default: markup.unicodeScalars.append(scalar)
            }
        }
    }
}

/// The texts of one request's language, for markup built in Swift.
package struct Texts: Sendable {
    package let catalogue: LocalizationCatalogue
    package let language: LocalizationCatalogue.Language

    package func callAsFunction(_ key: String, _ arguments: String...) -> String {
        catalogue.text(key, language, arguments)
    }
}

extension Request {
    package var texts: Texts { Texts(catalogue: portal.catalogue, language: language) }

    /// A whole document (frame and content) as an HTML response.
    package func respond(document: HTML, status: HTTPStatus = .ok) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        return Response(status: status, headers: headers, body: .init(string: document.markup))
    }
}

/// How a listener draws a whole page around its content: the member
/// portal's frame or the back office's. Shared code (the error page) draws
/// through it, so it never needs to know which side it serves.
package protocol PageFraming: Sendable {
    func respond(_ request: Request, titleKey: String, status: HTTPStatus, content: HTML) -> Response
    /// The listener's start page, the way back from an error.
    var home: String { get }
}
