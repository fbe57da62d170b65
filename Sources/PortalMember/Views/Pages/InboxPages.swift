import PortalCore
import PortalWeb

/// The inbox: the list of messages (unread ones tagged in words), and one message.
package enum InboxPages {
    package static func list(_ context: InboxContext, _ t: Texts) -> HTML {
        var html: HTML = "<h1>\(t("nav.inbox"))</h1>\n"
        guard !context.messages.isEmpty else {
            html += "<p>\(t("inbox.empty"))</p>"
            return html
        }
        let items = HTML.join(context.messages) { message in
            let tag: HTML = message.unread ? "\(StatusTag(text: t("inbox.unread"))) " : .empty
            return """
              <li\(HTML.when(message.unread, " class=\"unread\""))>
                <a href="\(message.href)">\(tag)\(subject(message, t))</a>
                <span class="message-date">\(message.date)</span>
              </li>

            """
        }
        html += "<ul class=\"message-list\">\n\(items)</ul>\n"
        if context.pageCount > 1 {
            html += Pagination(label: t("inbox.pagination"),
                               previous: context.previous.map { ($0, t("inbox.previous")) },
                               position: t("inbox.pageOf", String(context.currentPage), String(context.pageCount)),
                               next: context.next.map { ($0, t("inbox.next")) })
        }
        return html
    }

    package static func message(_ context: InboxMessageContext, _ t: Texts) -> HTML {
        let message = context.message
        var html: HTML = """
        <p><a href="\(context.back)">\(t("inbox.back"))</a></p>
        <h1>\(subject(message, t))</h1>
        <p class="message-date">\(message.date)</p>
        <p>\(t(message.bodyKey, message.p0, message.p1, message.p2))</p>

        """
        if let document = message.documentHref {
            html += "<p><a href=\"\(document)\">\(t("inbox.openDocument"))</a></p>"
        }
        return html
    }

    private static func subject(_ message: InboxContext.Item, _ t: Texts) -> String {
        t(message.subjectKey, message.p0, message.p1, message.p2)
    }
}
