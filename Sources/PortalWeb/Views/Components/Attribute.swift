import PortalCore

/// An extra attribute of a form control (`autocomplete`, `inputmode`, …).
/// The name is a literal, so only the value comes from outside, escaped.
package struct Attribute: Sendable {
    package let name: StaticString
    package let value: String

    package init(_ name: StaticString, _ value: String) {
        self.name = name
        self.value = value
    }

    package static func render(_ attributes: [Attribute]) -> HTML {
        HTML.join(attributes) { " \(HTML(stringLiteral: $0.name))=\"\($0.value)\"" }
    }
}
