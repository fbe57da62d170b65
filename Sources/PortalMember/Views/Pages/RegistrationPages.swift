import PortalCore
import PortalWeb

/// Registration after the first sign-in with the eID card: the form, its
/// status while the match runs, and the page for a card a newer one replaced.
package enum RegistrationPages {
    package static func form(_ context: RegistrationFormContext, _ t: Texts) -> HTML {
        let input = context.input
        func error(_ field: String) -> String? {
            context.errors.first { $0.field == field }.map { t($0.messageKey) }
        }
        let memberNumber = TextField(id: "member_number", label: t("registration.field.member_number"),
                                     hint: t("registration.hint.member_number"), error: error("member_number"),
                                     value: input.member_number ?? "",
                                     attributes: [Attribute("inputmode", "text"), Attribute("autocomplete", "off"), Attribute("spellcheck", "false")])
        let consent = CheckboxField(id: "privacy_consent", label: t("registration.field.privacy_consent"),
                                    hint: "<a href=\"\(SiteURL.privacy)\">\(t("start.privacyLink"))</a>",
                                    error: error("privacy_consent"), checked: input.privacy_consent != nil)
        let transferError = error("transfer_code")
        let transferCode = TextField(id: "transfer_code", label: t("registration.field.transfer_code"),
                                     hint: t("registration.hint.transfer_code"), error: transferError,
                                     value: input.transfer_code ?? "",
                                     attributes: [Attribute("autocomplete", "off"), Attribute("spellcheck", "false")])
        // The transfer code is for the few who changed cards: folded away
        // unless it is what went wrong.
        let transfer: HTML = """
          <details class="field\(HTML.when(transferError != nil, " field-error"))"\(HTML.when(transferError != nil, " open"))>
            <summary>\(t("registration.transferSummary"))</summary>
            \(transferCode.controls)
          </details>

        """
        var html: HTML = "<h1>\(t("registration.title"))</h1>\n"
        html += errorSummary(context.errors, t)
        html += """
        <p class="lead">\(t(context.texts.lead))</p>
        <p>\(t(context.texts.how))</p>

        """
        html += PostForm(action: .registration, csrf: context.page.csrf, classes: "form", novalidate: true,
                         content: "\(memberNumber)\(consent)\(transfer)\(Button(text: t("registration.submit")))")
        return html
    }

    package static func oldCard(_ context: OldCardContext, _ t: Texts) -> HTML {
        """
        <h1>\(t("registration.oldCard.title"))</h1>
        <p class="lead">\(t(context.texts.oldCardText, context.retiredOn))</p>
        <p>\(t("registration.oldCard.contact", context.fundPhone, context.fundEmail))</p>
        <p>\(t(context.texts.oldCardAgain))</p>
        <p>\(LinkButton(.registration, query: ["neu": "1"], text: t("registration.oldCard.register"), secondary: true))</p>
        """
    }

    package static func errorSummary(_ problems: [InputProblem], _ t: Texts) -> HTML {
        guard !problems.isEmpty else { return .empty }
        return ErrorSummary(title: t("form.errorSummary"), problems: problems.map { .init(field: $0.field, message: t($0.messageKey)) }).html
    }
}
