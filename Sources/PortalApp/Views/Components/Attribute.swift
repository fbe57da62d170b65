/// An extra attribute of a form control (`autocomplete`, `inputmode`, …).
/// The name is a literal, so only the value comes from outside, escaped.
struct Attribute: Sendable {
    let name: StaticString
    let value: String

    init(_ name: StaticString, _ value: String) {
        self.name = name
        self.value = value
    }

    static func render(_ attributes: [Attribute]) -> HTML {
        HTML.join(attributes) { " \(HTML(stringLiteral: $0.name))=\"\($0.value)\"" }
    }
}
