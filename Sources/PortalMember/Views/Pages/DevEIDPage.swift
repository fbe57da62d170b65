import PortalCore
import PortalWeb

/// Development only: the eID simulator, with stock identities and a form
/// for any identity the tests need.
package enum DevEIDPage {
    package static func content(_ context: DevEIDContext, _ t: Texts) -> HTML {
        let csrf = context.page.csrf
        let stock = HTML.join(context.stock) { identity in
            let button = Button(text: t("devEID.signInAs", identity.name, identity.born), kind: .secondary,
                                attributes: [Attribute("data-stock", identity.id)])
            return "  <li>\n\(PostForm(action: .devEID, csrf: csrf, content: "\(HiddenField(name: "stock", value: identity.id))\(button)"))  </li>\n"
        }
        let input = context.input
        // Label and hint keys written out whole, so the catalogue test finds them.
        let fields: [(name: String, value: String?, label: String, hint: String?)] = [
            ("family_names", input.family_names, "devEID.field.family_names", nil),
            ("given_names", input.given_names, "devEID.field.given_names", nil),
            ("birth_name", input.birth_name, "devEID.field.birth_name", nil),
            ("academic_title", input.academic_title, "devEID.field.academic_title", nil),
            ("date_of_birth", input.date_of_birth, "devEID.field.date_of_birth", "devEID.hint.date_of_birth"),
            ("pseudonym", input.pseudonym, "devEID.field.pseudonym", "devEID.hint.pseudonym"),
            ("document_type", input.document_type, "devEID.field.document_type", "devEID.hint.document_type"),
            ("issuing_state", input.issuing_state, "devEID.field.issuing_state", nil),
        ]
        let custom = HTML.join(fields) { field in
            TextField(id: field.name, label: t(field.label), hint: field.hint.map { t($0) },
                      error: context.errors.first { $0.field == field.name }.map { t($0.messageKey) },
                      value: field.value ?? "", attributes: [Attribute("autocomplete", "off")]).html
        }
        return """
        <h1>\(t("devEID.title"))</h1>
        \(Callout(content: "<p>\(t("devEID.warning"))</p>", warning: true))\(RegistrationPages.errorSummary(context.errors, t))<h2>\(t("devEID.stockTitle"))</h2>
        <ul class="stock-list">
        \(stock)</ul>
        <h2>\(t("devEID.customTitle"))</h2>
        \(PostForm(action: .devEID, csrf: csrf, classes: "form", novalidate: true, content: "\(custom)\(Button(text: t("devEID.submit")))"))
        """
    }
}
