import PortalCore
import PortalWeb

/// Help: the questions members ask, how to reach the fund, and for signed-in
/// members the contact form.
package enum HelpPage {
    /// Question and answer keys, written out whole so the catalogue test finds them.
    package static let questions: [(question: String, answer: String)] = [
        ("help.q.why", "help.a.why"), ("help.q.safe", "help.a.safe"), ("help.q.eid", "help.a.eid"),
        ("help.q.duration", "help.a.duration"), ("help.q.certificates", "help.a.certificates"),
        ("help.q.offline", "help.a.offline"), ("help.q.older", "help.a.older"), ("help.q.binding", "help.a.binding"),
        ("help.q.optional", "help.a.optional"), ("help.q.window", "help.a.window"), ("help.q.end", "help.a.end"),
        ("help.q.mobile", "help.a.mobile"),
    ]

    package static func content(_ context: HelpContext, _ t: Texts) -> HTML {
        let fund = context.fund
        let faq = HTML.join(questions) { entry in
            var answer: HTML = "\(t(entry.answer))"
            // Where the data is kept is the fund's own statement, after the general answer.
            if entry.answer == "help.a.safe", let note = fund.hostingNote { answer += " \(note)" }
            return "  <h3>\(t(entry.question))</h3><p>\(answer)</p>\n"
        }
        var html: HTML = """
        <h1>\(t("help.title"))</h1>
        <p class="lead">\(t("help.lead"))</p>
        <h2>\(t("help.faqTitle"))</h2>
        <div class="faq">
        \(faq)</div>
        <h2 id="kontakt">\(t("help.contactTitle"))</h2>
        <p>\(t("help.contactText", fund.email, fund.phone))</p>

        """
        if let contact = context.contact {
            html += "<p>\(t("help.contact.lead"))</p>\n"
            html += contactForm(contact, csrf: context.page.csrf, t)
        } else {
            html += "<p>\(t("help.contact.signInHint"))</p>\n"
        }
        return html
    }

    private static func contactForm(_ form: HelpContext.ContactForm, csrf: String?, _ t: Texts) -> HTML {
        func message(_ field: (String) -> Bool) -> String? {
            form.problems.first { field($0.field) }.map { t($0.key) }
        }
        let topic = RadioGroup(name: "topic", legend: t("help.contact.topic"), options: [
            .init(id: "topic-question", value: "question", label: t("help.contact.topic.question")),
            .init(id: "topic-suggestion", value: "suggestion", label: t("help.contact.topic.suggestion")),
        ], selected: form.topic, error: message { $0.hasPrefix("topic") })
        let text = TextField(id: "contact-text", name: "text", label: t("help.contact.text"), hint: t("help.contact.textHint"),
                             error: message { $0 == "contact-text" }, value: form.text, control: .textarea(rows: 8),
                             attributes: [Attribute("maxlength", String(form.maximum))])
        var html = HTML.empty
        if !form.problems.isEmpty {
            html += ErrorSummary(title: t("form.errorSummary"), problems: form.problems.map { .init(field: $0.field, message: t($0.key)) })
        }
        html += PostForm(action: .contact, csrf: csrf, classes: "form", novalidate: true,
                         content: "\(topic)\(text)\(Button(text: t("help.contact.send")))")
        return html
    }
}
