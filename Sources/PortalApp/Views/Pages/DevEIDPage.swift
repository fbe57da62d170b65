/// Development only: the eID simulator, with stock identities and a form
/// for any identity the tests need.
enum DevEIDPage {
    static func content(_ context: DevEIDContext, _ t: Texts) -> HTML {
        let csrf = context.page.csrf
        let stock = HTML.join(context.stock) { identity in
            let button = Button(text: t("devEID.signInAs", identity.name, identity.born), kind: .secondary,
                                attributes: [Attribute("data-stock", identity.id)])
            return "  <li>\n\(PostForm(action: .devEID, csrf: csrf, content: "\(HiddenField(name: "stock", value: identity.id))\(button)"))  </li>\n"
        }
        let input = context.input
        let fields: [(String, String?, Bool)] = [
            ("family_names", input.family_names, false), ("given_names", input.given_names, false),
            ("birth_name", input.birth_name, false), ("academic_title", input.academic_title, false),
            ("date_of_birth", input.date_of_birth, true), ("pseudonym", input.pseudonym, true),
            ("document_type", input.document_type, true), ("issuing_state", input.issuing_state, false),
        ]
        let custom = HTML.join(fields) { name, value, hasHint in
            TextField(id: name, label: t("devEID.field." + name), hint: hasHint ? t("devEID.hint." + name) : nil,
                      error: context.errors.first { $0.field == name }.map { t($0.messageKey) },
                      value: value ?? "", attributes: [Attribute("autocomplete", "off")]).html
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
