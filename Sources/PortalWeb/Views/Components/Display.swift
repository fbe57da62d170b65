import PortalCore

/// A list of questions and answers (GOV.UK summary list) as `dl`.
package struct SummaryList: Component {
    package struct Row: Sendable {
        package let key: String
        package let value: HTML

        package init(key: String, value: HTML) {
            self.key = key
            self.value = value
        }
    }

    package let rows: [Row]

    package var html: HTML {
        "<dl class=\"summary-list\">\n\(HTML.join(rows) { "  <div><dt>\($0.key)</dt><dd>\($0.value)</dd></div>\n" })</dl>\n"
    }

    package init(rows: [Row]) {
        self.rows = rows
    }
}

/// A table with a caption (hidden when the heading above says it already)
/// and column headers scoped to their columns.
package struct DataTable: Component {
    package let caption: String
    package var captionHidden = true
    package var classes = "data-table"
    package let columns: [String]
    package let rows: [[HTML]]

    package var html: HTML {
        let captionClass: HTML = captionHidden ? " class=\"visually-hidden\"" : .empty
        return """
        <table class="\(classes)">
          <caption\(captionClass)>\(caption)</caption>
          <thead><tr>\(HTML.join(columns) { "<th scope=\"col\">\($0)</th>" })</tr></thead>
          <tbody>
        \(HTML.join(rows) { "    <tr>\(HTML.join($0) { "<td>\($0)</td>" })</tr>\n" })  </tbody>
        </table>

        """
    }

    package init(caption: String, captionHidden: Bool = true, classes: String = "data-table", columns: [String], rows: [[HTML]]) {
        self.caption = caption
        self.captionHidden = captionHidden
        self.classes = classes
        self.columns = columns
        self.rows = rows
    }
}

/// Previous / page n of m / next, as a labelled navigation landmark.
package struct Pagination: Component {
    package let label: String
    package let previous: (href: String, text: String)?
    package let position: String
    package let next: (href: String, text: String)?

    package var html: HTML {
        var html: HTML = "<nav class=\"pagination\" aria-label=\"\(label)\">\n"
        if let previous { html += "  <a href=\"\(previous.href)\" rel=\"prev\">\(previous.text)</a>\n" }
        html += "  <span>\(position)</span>\n"
        if let next { html += "  <a href=\"\(next.href)\" rel=\"next\">\(next.text)</a>\n" }
        html += "</nav>\n"
        return html
    }

    package init(label: String, previous: (href: String, text: String)? = nil, position: String, next: (href: String, text: String)? = nil) {
        self.label = label
        self.previous = previous
        self.position = position
        self.next = next
    }
}

/// A status in words, never by colour alone (STYLE.md).
package struct StatusTag: Component {
    package let text: String

    package var html: HTML { "<span class=\"status-tag\">\(text)</span>" }

    package init(text: String) {
        self.text = text
    }
}

/// A message about what just happened, read out politely (`role="status"`).
package struct Notice: Component {
    package let text: String

    package var html: HTML { "<div class=\"notice\" role=\"status\"><p>\(text)</p></div>\n" }

    package init(text: String) {
        self.text = text
    }
}

/// A highlighted box: information to read before going on, or a warning.
package struct Callout: Component {
    package let content: HTML
    package var warning = false
    package var isStatus = false

    package var html: HTML {
        "<div class=\"callout\(HTML.when(warning, " warning"))\"\(HTML.when(isStatus, " role=\"status\""))>\(content)</div>\n"
    }

    package init(content: HTML, warning: Bool = false, isStatus: Bool = false) {
        self.content = content
        self.warning = warning
        self.isStatus = isStatus
    }
}
