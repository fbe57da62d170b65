import PortalDomain
import PortalCore
import PortalWeb

/// The pages of applications: catalogue, one step, review ("check your
/// answers"), binding confirmation, receipt, drafts and their deletion.
/// Fields render from the form definition, one component per kind.
package enum ApplicationPages {
    package struct CatalogueItem {
        package let titleKey: String
        package let leadKey: String
        package let href: String
        package let hasDraft: Bool
    }

    package struct SentItem {
        package let titleKey: String
        package let reference: String
        package let sentAt: String
        package let href: String
    }

    package static func catalogue(items: [CatalogueItem], sent: [SentItem], statusKey: String, _ t: Texts) -> HTML {
        var html: HTML = """
        <h1>\(t("applications.title"))</h1>
        <p class="lead">\(t("applications.lead", t(statusKey)))</p>
        <ul class="application-list">

        """
        html += HTML.join(items) { item in
            let action = item.hasDraft ? t("applications.continueDraft") : t("applications.start")
            return """
              <li>
                <h2>\(t(item.titleKey))</h2>
                <p>\(t(item.leadKey))</p>
                \(HTML.when(item.hasDraft, "<p class=\"hint\">\(t("applications.draftExists"))</p>\n    "))<p>\(LinkButton(href: item.href, text: action, secondary: item.hasDraft))</p>
              </li>

            """
        }
        html += "</ul>\n<p>\(t("applications.missingType"))</p>\n"
        html += "<p><a href=\"\(SiteURL.drafts)\">\(t("applications.draftsLink"))</a></p>\n"
        if !sent.isEmpty {
            html += "<h2>\(t("applications.sent"))</h2>\n"
            html += DataTable(caption: t("applications.sent"), columns: [t("applications.column.type"), t("applications.column.reference"), t("applications.column.sentAt")],
                              rows: sent.map { ["<a href=\"\($0.href)\">\(t($0.titleKey))</a>", "\($0.reference)", "\($0.sentAt)"] }).html
        }
        return html
    }

    package struct DraftItem {
        package let titleKey: String
        package let changedAt: String
        package let stepTitleKey: String
        package let stepNumber: Int?
        package let continueHref: String
        package let deleteHref: String
        package let deletedOn: String
    }

    package static func drafts(_ items: [DraftItem], _ t: Texts) -> HTML {
        var html: HTML = "<h1>\(t("drafts.title"))</h1>\n<p class=\"lead\">\(t("drafts.lead"))</p>\n"
        guard !items.isEmpty else {
            html += "<p>\(t("drafts.empty"))</p>\n<p><a href=\"\(SiteURL.applications)\">\(t("drafts.toApplications"))</a></p>\n"
            return html
        }
        html += DataTable(caption: t("drafts.title"), columns: [t("applications.column.type"), t("drafts.column.changed"), t("drafts.column.step"), t("drafts.column.actions")],
                          rows: items.map { item in
            let step: HTML = item.stepNumber.map { "\(t("drafts.stepNumber", String($0))): \(t(item.stepTitleKey))" } ?? "\(t(item.stepTitleKey))"
            let title: HTML = "\(t(item.titleKey))<br><span class=\"hint\">\(t("drafts.deletedOn", item.deletedOn))</span>"
            return [title, "\(item.changedAt)", step,
                    "<a href=\"\(item.continueHref)\">\(t("drafts.continue"))<span class=\"visually-hidden\">: \(t(item.titleKey))</span></a> · <a href=\"\(item.deleteHref)\">\(t("drafts.delete"))<span class=\"visually-hidden\">: \(t(item.titleKey))</span></a>"]
        }).html
        return html
    }

    package static func confirmDelete(titleKey: String, action: String, csrf: String?, _ t: Texts) -> HTML {
        """
        <h1>\(t("drafts.delete.title"))</h1>
        <p>\(t("drafts.delete.text", t(titleKey)))</p>
        \(PostForm(action: action, csrf: csrf, classes: "form", content: "\(Button(text: t("drafts.delete.confirm")))"))
        <p><a href="\(SiteURL.drafts)">\(t("drafts.delete.cancel"))</a></p>

        """
    }

    // MARK: Steps

    package struct StepPage {
        package let formTitleKey: String
        package let step: FormStep
        package let position: Int
        package let count: Int
        package let inputs: [String: String]
        package let problems: [FieldProblem]
        package let earlier: FormAnswers
        package let action: String
        package let autosave: String
        package let back: String
        package let csrf: String?
        package let extra: HTML
    }

    package static func step(_ page: StepPage, _ t: Texts) -> HTML {
        let errors = page.problems.filter { $0.severity == .error }
        var html: HTML = """
        <p class="caption">\(t(page.formTitleKey)) – \(t("applications.stepOf", String(page.position), String(page.count)))</p>

        """
        if !errors.isEmpty {
            html += ErrorSummary(title: t("form.errorSummary"), problems: errors.map {
                .init(field: anchor(for: $0.fieldID, in: page.step), message: message($0, in: page.step, t))
            })
        }
        html += "<h1>\(t(page.step.titleKey))</h1>\n\(page.extra)"
        var fields = HTML.empty
        for field in page.step.fields {
            let error = errors.first { $0.fieldID == field.id }.map { message($0, in: page.step, t) }
            fields += render(field, value: page.inputs[field.id] ?? "", error: error, t)
        }
        fields += "<div class=\"button-group\">\(Button(text: t("applications.next")))</div>\n"
        html += "<form method=\"post\" action=\"\(page.action)\" class=\"form\" novalidate data-autosave-url=\"\(page.autosave)\">\n"
        html += "  <input type=\"hidden\" name=\"csrf_token\" value=\"\(page.csrf ?? "")\">\n\(fields)</form>\n"
        html += "<p><a href=\"\(page.back)\">\(t("applications.back"))</a></p>\n"
        html += "<p class=\"hint\">\(t("applications.savedNote"))</p>\n"
        return html
    }

    /// The error message names the field: "Postleitzahl: Bitte geben Sie 5 Ziffern ein."
    private static func message(_ problem: FieldProblem, in step: FormStep, _ t: Texts) -> String {
        let label = step.fields.first { $0.id == problem.fieldID }.map { t($0.labelKey) } ?? ""
        let text = t(problem.messageKey, problem.arguments)
        return label.isEmpty ? text : "\(label): \(text)"
    }

    /// Where the summary's link goes: the input, or a radio group's first option.
    private static func anchor(for fieldID: String, in step: FormStep) -> String {
        guard let field = step.fields.first(where: { $0.id == fieldID }) else { return fieldID }
        switch field.kind {
        case .choice(let options): return options.first.map { "\(fieldID)-\($0.id)" } ?? fieldID
        case .yesNo: return "\(fieldID)-yes"
        default: return fieldID
        }
    }

    static func render(_ field: FormField, value: String, error: String?, _ t: Texts) -> HTML {
        let label = field.required ? t(field.labelKey) : "\(t(field.labelKey)) \(t("form.optional"))"
        var hint = field.hintKey.map { t($0) }
        if let condition = field.condition, let note = conditionNote(condition, t) {
            hint = [note, hint].compactMap { $0 }.joined(separator: " ")
        }
        switch field.kind {
        case .choice(let options):
            return RadioGroup(name: field.id, legend: label, options: options.map { .init(id: "\(field.id)-\($0.id)", value: $0.id, label: t($0.labelKey)) },
                              selected: value, error: error, hint: hint).html
        case .yesNo:
            return RadioGroup(name: field.id, legend: label, options: [.init(id: "\(field.id)-yes", value: "yes", label: t("form.yes")),
                                                                      .init(id: "\(field.id)-no", value: "no", label: t("form.no"))],
                              selected: value, error: error, hint: hint).html
        case .multilineText:
            return TextField(id: field.id, label: label, hint: hint, error: error, value: value, control: .textarea(rows: 5)).html
        case .file:
            // Uploads come with cases: until then the proof is sent after the application.
            return "<div class=\"field\"><p><strong>\(label)</strong></p><p class=\"hint\">\(hint ?? "") \(t("applications.fileLater"))</p></div>\n"
        default:
            return TextField(id: field.id, label: label, hint: hint, error: error, value: value, attributes: attributes(field.kind)).html
        }
    }

    private static func attributes(_ kind: FieldKind) -> [Attribute] {
        switch kind {
        case .date: [.init("inputmode", "numeric"), .init("autocomplete", "off"), .init("class", "input-date")]
        case .money: [.init("inputmode", "decimal"), .init("class", "input-money")]
        case .wholeNumber: [.init("inputmode", "numeric"), .init("class", "input-number")]
        case .iban: [.init("autocomplete", "off"), .init("spellcheck", "false"), .init("class", "input-iban")]
        case .taxID: [.init("inputmode", "numeric"), .init("autocomplete", "off"), .init("class", "input-taxid")]
        case .email: [.init("type", "email"), .init("autocomplete", "email"), .init("spellcheck", "false")]
        default: []
        }
    }

    /// "Only if you answered 'yes' above": without script every field shows.
    private static func conditionNote(_ condition: FieldCondition, _ t: Texts) -> String? {
        switch condition {
        case .equals(_, "yes"): t("applications.onlyIfYes")
        case .equals(_, "no"): t("applications.onlyIfNo")
        default: t("applications.onlyIfApplies")
        }
    }

    /// A value as the review page and the PDF show it.
    package static func display(_ value: FormValue, field: FormField, _ t: Texts) -> String {
        switch (value, field.kind) {
        case (.yesNo(let flag), _): return t(flag ? "form.yes" : "form.no")
        case (.choice(let id), .choice(let options)): return options.first { $0.id == id }.map { t($0.labelKey) } ?? id
        default: return value.germanDisplay
        }
    }

    package static func mandateText(fund: FundProfile, _ t: Texts) -> HTML {
        "<div class=\"panel\"><p>\(t(ChangeOfBankDetails.mandateTextKey, fund.name, fund.creditorID ?? t("applications.creditorIDMissing")))</p></div>\n"
    }

    // MARK: Review, confirmation, receipt

    package struct SummaryRow {
        package let label: String
        package let value: String
        package let changeHref: String
        package let warnings: [String]
    }

    package static func review(titleKey: String, rows: [SummaryRow], confirmHref: String, _ t: Texts) -> HTML {
        let list = HTML.join(rows) { row in
            var value: HTML = "\(row.value)"
            for warning in row.warnings { value += "<p class=\"warning-text\">\(warning)</p>" }
            return "  <div><dt>\(row.label)</dt><dd>\(value)</dd><dd class=\"summary-action\"><a href=\"\(row.changeHref)\">\(t("applications.change"))<span class=\"visually-hidden\"> \(row.label)</span></a></dd></div>\n"
        }
        return """
        <p class="caption">\(t(titleKey))</p>
        <h1>\(t("applications.review.title"))</h1>
        <p class="lead">\(t("applications.review.lead"))</p>
        <dl class="summary-list">
        \(list)</dl>
        <p>\(LinkButton(href: confirmHref, text: t("applications.review.continue")))</p>

        """
    }

    package static func confirmation(titleKey: String, draftID: String, action: String, reviewHref: String, csrf: String?,
                                     problem: Bool, _ t: Texts) -> HTML {
        let error = problem ? t("applications.confirm.required") : nil
        var html: HTML = ""
        if let error {
            html += ErrorSummary(title: t("form.errorSummary"), problems: [.init(field: "confirm", message: error)])
        }
        let fields: HTML = """
        \(HiddenField(name: "draft", value: draftID))\(CheckboxField(id: "confirm", label: t("applications.confirm.checkbox"), error: error, checked: false, value: "yes"))<div class="button-group">\(Button(text: t("applications.confirm.send")))</div>

        """
        html += """
        <p class="caption">\(t(titleKey))</p>
        <h1>\(t("applications.confirm.title"))</h1>
        <p>\(t("applications.confirm.binding"))</p>
        <p>\(t("applications.confirm.noChanges"))</p>
        \(PostForm(action: action, csrf: csrf, classes: "form", novalidate: true, id: "send-form", content: fields))
        <p><a href="\(reviewHref)">\(t("applications.confirm.back"))</a></p>

        """
        return html
    }

    package struct Receipt {
        package let titleKey: String
        package let reference: String
        package let sentAt: String
        package let state: String
        package let documentHref: String?
        package let statusURL: String
        package let inWindow: Bool
        package let windowEnd: String
    }

    package static func receipt(_ receipt: Receipt, _ t: Texts) -> HTML {
        var status: HTML
        if let href = receipt.documentHref {
            status = "  <p>\(LinkButton(href: href, text: t("applications.receipt.download")))</p>\n"
        } else {
            status = "  <p>\(t(receipt.inWindow ? "applications.receipt.afterWindow" : "applications.receipt.filing", receipt.windowEnd))</p>\n"
            status += "  <p><a href=\"\(receipt.statusURL)\">\(t("registration.refresh"))</a></p>\n"
        }
        return """
        <div class="confirmation-panel">
          <h1>\(t("applications.receipt.title"))</h1>
          <p>\(t("applications.receipt.reference"))<br><strong class="reference">\(receipt.reference)</strong></p>
        </div>
        \(SummaryList(rows: [.init(key: t("applications.column.type"), value: "\(t(receipt.titleKey))"),
                             .init(key: t("applications.column.sentAt"), value: "\(receipt.sentAt)")]))
        <div class="status-panel" data-status-url="\(receipt.statusURL)" data-current-state="\(receipt.state)">
        \(status)</div>
        <h2>\(t("applications.receipt.nextTitle"))</h2>
        <p>\(t("applications.receipt.next"))</p>
        <p><a href="\(SiteURL.applications)">\(t("applications.receipt.back"))</a></p>

        """
    }

    package static func refusal(messageKey: String, link: String, _ t: Texts) -> HTML {
        """
        <h1>\(t("applications.refused.title"))</h1>
        <p>\(t(messageKey))</p>
        <p><a href="\(link)">\(t("applications.refused.link"))</a></p>

        """
    }

    package static func notOffered(titleKey: String, statusKey: String, _ t: Texts) -> HTML {
        """
        <h1>\(t("applications.notOffered.title"))</h1>
        <p>\(t("applications.notOffered.text", t(titleKey), t(statusKey)))</p>
        <p><a href="\(SiteURL.applications)">\(t("applications.notOffered.link"))</a></p>

        """
    }
}
