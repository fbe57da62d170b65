import PortalCore

/// GOV.UK's error summary: at the top of the page, announced at once
/// (`role="alert"`), focusable so the page's script can move focus to it,
/// labelled by its heading, with a link to each field in error.
package struct ErrorSummary: Component {
    /// One problem: the id of the field it is about (the link goes there)
    /// and the message, saying how to fix it.
    package struct Item: Sendable, Equatable {
        package let field: String
        package let message: String

        package init(field: String, message: String) {
            self.field = field
            self.message = message
        }
    }

    package let title: String
    package var problems: [Item] = []
    /// A problem that belongs to no single field.
    package var message: String?

    package static let titleID = "error-summary-title"

    package var html: HTML {
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

    package init(title: String, problems: [Item] = [], message: String? = nil) {
        self.title = title
        self.problems = problems
        self.message = message
    }
}
