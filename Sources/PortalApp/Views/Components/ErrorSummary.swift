/// GOV.UK's error summary: at the top of the page, announced at once
/// (`role="alert"`), focusable so the page's script can move focus to it,
/// labelled by its heading, with a link to each field in error.
struct ErrorSummary: Component {
    /// One problem: the id of the field it is about (the link goes there)
    /// and the message, saying how to fix it.
    struct Item: Sendable, Equatable {
        let field: String
        let message: String
    }

    let title: String
    var problems: [Item] = []
    /// A problem that belongs to no single field.
    var message: String?

    static let titleID = "error-summary-title"

    var html: HTML {
        var body = HTML.empty
        if let message { body += "<p>\(message)</p>" }
        if !problems.isEmpty {
            body += "<ul>\(HTML.join(problems) { "<li><a href=\"#\($0.field)\">\($0.message)</a></li>" })</ul>"
        }
        return """
        <div class="error-summary" role="alert" tabindex="-1" aria-labelledby="\(Self.titleID)">
          <h2 id="\(Self.titleID)">\(title)</h2>
          \(body)
        </div>

        """
    }
}
