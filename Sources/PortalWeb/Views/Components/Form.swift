import PortalCore

/// A form that posts: the CSRF token goes in as the first field, so no form
/// can forget it (SECURITY.md: a token on every unsafe method).
package struct PostForm: Component {
    package let action: String
    package let csrf: String?
    package var classes: String?
    /// The server validates and names the field; the browser's own bubbles
    /// would say less and differ between browsers.
    package var novalidate = false
    package var id: String?
    package let content: HTML

    package init(action: some SitePath, csrf: String?, classes: String? = nil, novalidate: Bool = false, id: String? = nil, content: HTML) {
        self.init(action: action.path, csrf: csrf, classes: classes, novalidate: novalidate, id: id, content: content)
    }

    /// For an action the controller built from a `SitePath` with a parameter.
    package init(action: String, csrf: String?, classes: String? = nil, novalidate: Bool = false, id: String? = nil, content: HTML) {
        self.action = action
        self.csrf = csrf
        self.classes = classes
        self.novalidate = novalidate
        self.id = id
        self.content = content
    }

    package var html: HTML {
        var open: HTML = "<form method=\"post\" action=\"\(action)\""
        if let id { open += " id=\"\(id)\"" }
        if let classes { open += " class=\"\(classes)\"" }
        if novalidate { open += " novalidate" }
        return "\(open)>\n  <input type=\"hidden\" name=\"csrf_token\" value=\"\(csrf ?? "")\">\n\(content)</form>\n"
    }
}

/// A hidden field, for what a form carries along unchanged.
package struct HiddenField: Component {
    package let name: String
    package let value: String

    package var html: HTML { "  <input type=\"hidden\" name=\"\(name)\" value=\"\(value)\">\n" }

    package init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// A submit button; `.secondary` for the less likely action, `.link` for
/// one that reads like a link inside text or a table.
package struct Button: Component {
    package enum Kind: Sendable { case primary, secondary, link }

    package let text: String
    package var kind: Kind = .primary
    package var attributes: [Attribute] = []

    package var html: HTML {
        let classes: HTML = switch kind {
        case .primary: "button"
        case .secondary: "button secondary"
        case .link: "link-button"
        }
        return "<button type=\"submit\" class=\"\(classes)\"\(Attribute.render(attributes))>\(text)</button>\n"
    }

    package init(text: String, kind: Kind = .primary, attributes: [Attribute] = []) {
        self.text = text
        self.kind = kind
        self.attributes = attributes
    }
}

/// A link that looks like a button (GOV.UK's start button): navigation, not an action.
package struct LinkButton: Component {
    package let href: String
    package let text: String
    package var secondary = false
    package var large = false

    package init(_ url: some SitePath, query: KeyValuePairs<String, String> = [:], text: String, secondary: Bool = false, large: Bool = false) {
        self.init(href: url.path(query: query), text: text, secondary: secondary, large: large)
    }

    package init(href: String, text: String, secondary: Bool = false, large: Bool = false) {
        self.href = href
        self.text = text
        self.secondary = secondary
        self.large = large
    }

    package var html: HTML {
        "<a class=\"button\(HTML.when(secondary, " secondary"))\(HTML.when(large, " button-large"))\" href=\"\(href)\">\(text)</a>"
    }
}
