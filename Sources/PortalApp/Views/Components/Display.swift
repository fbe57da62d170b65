/// A list of questions and answers (GOV.UK summary list) as `dl`.
struct SummaryList: Component {
    struct Row: Sendable {
        let key: String
        let value: HTML
    }

    let rows: [Row]

    var html: HTML {
        "<dl class=\"summary-list\">\n\(HTML.join(rows) { "  <div><dt>\($0.key)</dt><dd>\($0.value)</dd></div>\n" })</dl>\n"
    }
}

/// A table with a caption (hidden when the heading above says it already)
/// and column headers scoped to their columns.
struct DataTable: Component {
    let caption: String
    var captionHidden = true
    var classes = "data-table"
    let columns: [String]
    let rows: [[HTML]]

    var html: HTML {
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
}

/// Previous / page n of m / next, as a labelled navigation landmark.
struct Pagination: Component {
    let label: String
    let previous: (href: String, text: String)?
    let position: String
    let next: (href: String, text: String)?

    var html: HTML {
        var html: HTML = "<nav class=\"pagination\" aria-label=\"\(label)\">\n"
        if let previous { html += "  <a href=\"\(previous.href)\" rel=\"prev\">\(previous.text)</a>\n" }
        html += "  <span>\(position)</span>\n"
        if let next { html += "  <a href=\"\(next.href)\" rel=\"next\">\(next.text)</a>\n" }
        html += "</nav>\n"
        return html
    }
}

/// A status in words, never by colour alone (STYLE.md).
struct StatusTag: Component {
    let text: String

    var html: HTML { "<span class=\"status-tag\">\(text)</span>" }
}

/// A message about what just happened, read out politely (`role="status"`).
struct Notice: Component {
    let text: String

    var html: HTML { "<div class=\"notice\" role=\"status\"><p>\(text)</p></div>\n" }
}

/// A highlighted box: information to read before going on, or a warning.
struct Callout: Component {
    let content: HTML
    var warning = false
    var isStatus = false

    var html: HTML {
        "<div class=\"callout\(HTML.when(warning, " warning"))\"\(HTML.when(isStatus, " role=\"status\""))>\(content)</div>\n"
    }
}
