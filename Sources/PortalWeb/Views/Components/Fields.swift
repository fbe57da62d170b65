import PortalCore

/// The parts every question has (GOV.UK "question pages"): a label, an
/// optional hint and an optional error message beside the field. The ids
/// follow one rule, `<id>-hint` and `<id>-error`, and the control names both
/// in `aria-describedby`, so a screen reader reads them with the field.
package struct FieldParts: Sendable {
    package let id: String
    package var hint: HTML?
    package var error: String?

    package var hintID: String { id + "-hint" }
    package var errorID: String { id + "-error" }

    package var describedBy: HTML {
        let ids = [hint.map { _ in hintID }, error.map { _ in errorID }].compactMap { $0 }
        return ids.isEmpty ? .empty : " aria-describedby=\"\(ids.joined(separator: " "))\""
    }

    package var invalid: HTML { .when(error != nil, " aria-invalid=\"true\"") }

    package var hintAndError: HTML {
        var html = HTML.empty
        if let hint { html += "\n  <p class=\"hint\" id=\"\(hintID)\">\(hint)</p>" }
        if let error { html += "\n  <p class=\"error-message\" id=\"\(errorID)\">\(error)</p>" }
        return html
    }

    package var fieldClass: HTML { .when(error != nil, " field-error") }
}

/// A text input or text area with its label, hint and error.
package struct TextField: Component {
    package enum Control: Sendable {
        case input(type: StaticString)
        case textarea(rows: Int)
    }

    package let name: String
    package let label: String
    package var parts: FieldParts
    package var value: String
    package var control: Control = .input(type: "text")
    package var attributes: [Attribute] = []

    package init(id: String, name: String? = nil, label: String, hint: String? = nil, error: String? = nil,
         value: String, control: Control = .input(type: "text"), attributes: [Attribute] = []) {
        self.name = name ?? id
        self.label = label
        parts = FieldParts(id: id, hint: hint.map { "\($0)" }, error: error)
        self.value = value
        self.control = control
        self.attributes = attributes
    }

    /// Label, hint, error and control, for a wrapper other than the usual
    /// `div.field` (a `details` that opens on an error, for example).
    package var controls: HTML {
        let id = parts.id
        let common: HTML = "id=\"\(id)\" name=\"\(name)\"\(Attribute.render(attributes))\(parts.describedBy)\(parts.invalid)"
        let element: HTML = switch control {
        case .input(let type):
            type.description == "text"
                ? "<input \(common) value=\"\(value)\">"
                : "<input \(common) type=\"\(HTML(stringLiteral: type))\" value=\"\(value)\">"
        case .textarea(let rows):
            "<textarea \(common) rows=\"\(rows)\">\(value)</textarea>"
        }
        return "<label for=\"\(id)\">\(label)</label>\(parts.hintAndError)\n  \(element)"
    }

    package var html: HTML {
        "<div class=\"field\(parts.fieldClass)\">\n  \(controls)\n</div>\n"
    }
}

/// One checkbox with its label after it (GOV.UK checkboxes), and an
/// optional hint (which may hold a link) and error.
package struct CheckboxField: Component {
    package let name: String
    package let label: String
    package let checked: Bool
    package var parts: FieldParts
    package var value = "on"

    package init(id: String, name: String? = nil, label: String, hint: HTML? = nil, error: String? = nil, checked: Bool, value: String = "on") {
        self.name = name ?? id
        self.label = label
        self.checked = checked
        parts = FieldParts(id: id, hint: hint, error: error)
        self.value = value
    }

    package var html: HTML {
        let id = parts.id
        var errorHTML = HTML.empty
        if let error = parts.error { errorHTML = "\n  <p class=\"error-message\" id=\"\(parts.errorID)\">\(error)</p>" }
        var hintHTML = HTML.empty
        if let hint = parts.hint { hintHTML = "\n  <p class=\"hint\" id=\"\(parts.hintID)\">\(hint)</p>" }
        return """
        <div class="field checkbox-field\(parts.fieldClass)">\(errorHTML)
          <input type="checkbox" id="\(id)" name="\(name)" value="\(value)"\(HTML.when(checked, " checked"))\(parts.describedBy)\(parts.invalid)>
          <label for="\(id)">\(label)</label>\(hintHTML)
        </div>

        """
    }
}

/// Radio buttons in a fieldset whose legend is the question (GOV.UK radios).
package struct RadioGroup: Component {
    package struct Option: Sendable {
        package let id: String
        package let value: String
        package let label: String

        package init(id: String, value: String, label: String) {
            self.id = id
            self.value = value
            self.label = label
        }
    }

    package let name: String
    package let legend: String
    package let options: [Option]
    package let selected: String?
    package var error: String?
    package var hint: String?

    package var html: HTML {
        let errorID = name + "-error", hintID = name + "-hint"
        var errorHTML = HTML.empty
        if let hint { errorHTML += "\n  <p class=\"hint\" id=\"\(hintID)\">\(hint)</p>" }
        if let error { errorHTML += "\n  <p class=\"error-message\" id=\"\(errorID)\">\(error)</p>" }
        let describedIDs = [hint.map { _ in hintID }, error.map { _ in errorID }].compactMap { $0 }
        let described: HTML = describedIDs.isEmpty ? .empty : " aria-describedby=\"\(describedIDs.joined(separator: " "))\""
        let radios = HTML.join(options) { option in
            "\n  <div class=\"radio\"><input type=\"radio\" id=\"\(option.id)\" name=\"\(name)\" value=\"\(option.value)\"\(HTML.when(option.value == selected, " checked"))><label for=\"\(option.id)\">\(option.label)</label></div>"
        }
        return """
        <fieldset class="field\(HTML.when(error != nil, " field-error"))"\(described)><legend>\(legend)</legend>\(errorHTML)\(radios)
        </fieldset>

        """
    }

    package init(name: String, legend: String, options: [Option], selected: String? = nil, error: String? = nil, hint: String? = nil) {
        self.name = name
        self.legend = legend
        self.options = options
        self.selected = selected
        self.error = error
        self.hint = hint
    }
}

/// A select with its label; options are value and text.
package struct SelectField: Component {
    package struct Option: Sendable {
        package let value: String
        package let label: String
        package var selected = false

        package init(value: String, label: String, selected: Bool = false) {
            self.value = value
            self.label = label
            self.selected = selected
        }
    }

    package let id: String
    package var name: String?
    package let label: String
    package let options: [Option]

    package var html: HTML {
        let options = HTML.join(options) { "<option value=\"\($0.value)\"\(HTML.when($0.selected, " selected"))>\($0.label)</option>" }
        return """
        <div class="field"><label for="\(id)">\(label)</label>
          <select id="\(id)" name="\(name ?? id)">\(options)</select></div>

        """
    }

    package init(id: String, name: String? = nil, label: String, options: [Option]) {
        self.id = id
        self.name = name
        self.label = label
        self.options = options
    }
}

/// Questions that belong together under one legend (an address, a period).
/// Its children are any components, fieldsets included, so a form's field
/// tree renders by nesting values, as deep as the tree goes.
package struct Fieldset: Component {
    package let legend: String
    package let children: [any Component]

    package var html: HTML {
        "<fieldset class=\"field\"><legend>\(legend)</legend>\n\(HTML.join(children) { $0.html })</fieldset>\n"
    }
}
