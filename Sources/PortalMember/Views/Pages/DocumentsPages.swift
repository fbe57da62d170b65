import PortalCore
import PortalWeb

/// The document archive: filter, table with each document's availability,
/// pagination; and the page of one document that is not online.
package enum DocumentsPages {
    package static func archive(_ context: DocumentsContext, _ t: Texts) -> HTML {
        let all = SelectField.Option(value: "", label: t("documents.filter.all"))
        let category = SelectField(id: "kategorie", label: t("documents.filter.category"), options: [all] + context.categories.map {
            .init(value: $0.value, label: $0.labelKey.map { t($0) } ?? $0.value, selected: $0.selected)
        })
        let year = SelectField(id: "jahr", label: t("documents.filter.year"), options: [all] + context.years.map {
            .init(value: $0.value, label: $0.value, selected: $0.selected)
        })
        var html: HTML = """
        <h1>\(t("nav.documents"))</h1>
        <p>\(t("documents.lead"))</p>
        <form method="get" action="\(SiteURL.documents)" class="filter-form">
        \(category)\(year)\(Button(text: t("documents.filter.apply"), kind: .secondary))</form>

        """
        guard !context.documents.isEmpty else {
            html += "<p>\(t("documents.empty"))</p>"
            return html
        }
        let rows: [[HTML]] = context.documents.map { document in
            let title: HTML = document.availability == "online" ? "<a href=\"\(document.href)\">\(document.title)</a>" : "\(document.title)"
            return ["\(title)<br><span class=\"hint\">\(t(document.categoryKey))</span>", "\(document.date)", status(document, csrf: context.page.csrf, t)]
        }
        html += DataTable(caption: t("nav.documents"), classes: "data-table documents-table",
                          columns: [t("documents.column.document"), t("documents.column.date"), t("documents.column.status")], rows: rows)
        if context.pageCount > 1 {
            html += Pagination(label: t("documents.pagination"),
                               previous: context.previous.map { ($0, t("documents.previous")) },
                               position: t("inbox.pageOf", String(context.currentPage), String(context.pageCount)),
                               next: context.next.map { ($0, t("documents.next")) })
        }
        return html
    }

    private static func status(_ document: DocumentsContext.Item, csrf: String?, _ t: Texts) -> HTML {
        switch document.availability {
        case "online": "\(t("documents.status.online", document.onlineUntil ?? ""))"
        case "requested": "\(t("documents.status.requested"))"
        default: "\(t("documents.status.offline"))\n\(PostForm(action: document.requestAction, csrf: csrf, classes: "inline-form", content: "\(Button(text: t("documents.request"), kind: .link))"))"
        }
    }

    /// A document that is not online: requested, or offline with the button to request it.
    package static func document(_ document: DocumentsContext.Item, csrf: String?, _ t: Texts) -> HTML {
        let state: HTML = if document.availability == "requested" {
            """
              <p class="status-label"><strong>\(t("documents.status.requested"))</strong></p>
              <p>\(t("documents.requested.next"))</p>
            """
        } else {
            """
              <p class="status-label"><strong>\(t("documents.status.offline"))</strong></p>
              <p>\(t("documents.offline.explain"))</p>
              \(PostForm(action: document.requestAction, csrf: csrf, classes: "inline-form", content: "\(Button(text: t("documents.request")))"))
            """
        }
        return """
        <h1>\(document.title)</h1>
        <div class="status-panel" data-document-availability="\(document.availability)">
          <p class="hint">\(t(document.categoryKey)) · \(document.date)</p>
        \(state)
        </div>
        <p><a href="\(SiteURL.documents)">\(t("documents.back"))</a></p>
        """
    }
}
