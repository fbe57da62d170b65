import Testing
@testable import PortalApp
@testable import PortalCore
@testable import PortalWeb
@testable import PortalMember
@testable import PortalBackOffice

/// The accessibility rules the components carry for every page: what a
/// screen reader is told about a field, and where the error summary leads.
@Suite("View components")
struct ComponentsTests {
    @Test
    func aFieldInErrorNamesItsHintAndErrorAndIsMarkedInvalid() {
        let field = TextField(id: "member_number", label: "Mitgliedsnummer", hint: "zum Beispiel 99999/01",
                              error: "Geben Sie die Mitgliedsnummer mit Schrägstrich ein", value: "12345")

        let markup = field.html.markup

        #expect(markup.contains("<div class=\"field field-error\">"))
        #expect(markup.contains("<label for=\"member_number\">Mitgliedsnummer</label>"))
        #expect(markup.contains("<p class=\"hint\" id=\"member_number-hint\">zum Beispiel 99999/01</p>"))
        #expect(markup.contains("<p class=\"error-message\" id=\"member_number-error\">Geben Sie"))
        #expect(markup.contains("aria-describedby=\"member_number-hint member_number-error\" aria-invalid=\"true\""))
        #expect(markup.contains("value=\"12345\""))
    }

    @Test
    func aFieldWithoutHintOrErrorDescribesNothing() {
        let markup = TextField(id: "given_names", label: "Vornamen", value: "").html.markup

        #expect(markup.contains("<div class=\"field\">"))
        #expect(!markup.contains("aria-describedby"))
        #expect(!markup.contains("aria-invalid"))
    }

    @Test
    func aCheckboxAndARadioGroupInErrorPointToTheirMessage() {
        let checkbox = CheckboxField(id: "privacy_consent", label: "Gelesen", error: "Bitte bestätigen", checked: false).html.markup
        let radios = RadioGroup(name: "topic", legend: "Thema", options: [.init(id: "topic-question", value: "question", label: "Frage")],
                                selected: "question", error: "Bitte wählen").html.markup

        #expect(checkbox.contains("id=\"privacy_consent-error\""))
        #expect(checkbox.contains("aria-describedby=\"privacy_consent-error\" aria-invalid=\"true\""))
        #expect(radios.contains("<fieldset class=\"field field-error\" aria-describedby=\"topic-error\"><legend>Thema</legend>"))
        #expect(radios.contains("value=\"question\" checked>"))
    }

    @Test
    func theErrorSummaryIsAnAlertLabelledByItsHeadingAndLinksEachField() {
        let summary = ErrorSummary(title: "Es gibt ein Problem", problems: [.init(field: "email", message: "Adresse <prüfen>")])

        let markup = summary.html.markup

        #expect(markup.contains("<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\" aria-labelledby=\"error-summary-title\">"))
        #expect(markup.contains("<h2 id=\"error-summary-title\">Es gibt ein Problem</h2>"))
        #expect(markup.contains("<li><a href=\"#email\">Adresse &lt;prüfen&gt;</a></li>"))
    }

    @Test
    func aPostFormCarriesTheCSRFTokenAndLinksArePercentEncoded() {
        let form = PostForm(action: .contact, csrf: "tok\"en", content: "\(Button(text: "Senden"))").html.markup
        let link: HTML = "<a href=\"\(SiteURL.help, query: ["gesendet": "1 & 2"], fragment: "kontakt")\">Hilfe</a>"

        #expect(form.hasPrefix("<form method=\"post\" action=\"/hilfe/kontakt\">"))
        #expect(form.contains("<input type=\"hidden\" name=\"csrf_token\" value=\"tok&quot;en\">"))
        #expect(link.markup == "<a href=\"/hilfe?gesendet=1%20%26%202#kontakt\">Hilfe</a>")
    }

    @Test
    func aTableScopesItsHeadersAndPaginationIsALabelledLandmark() {
        let title = "<b>"
        let table = DataTable(caption: "Dokumente", columns: ["Dokument"], rows: [["\(title)"]]).html.markup
        let pagination = Pagination(label: "Seiten", previous: ("/konto/dokumente?seite=1", "Zurück"), position: "Seite 2 von 2", next: nil).html.markup

        #expect(table.contains("<caption class=\"visually-hidden\">Dokumente</caption>"))
        #expect(table.contains("<th scope=\"col\">Dokument</th>"))
        #expect(table.contains("<td>&lt;b&gt;</td>"))
        #expect(pagination.contains("<nav class=\"pagination\" aria-label=\"Seiten\">"))
        #expect(pagination.contains("rel=\"prev\""))
        #expect(!pagination.contains("rel=\"next\""))
    }

    @Test
    func fieldsetsNestSoAFieldTreeRendersRecursively() {
        let tree = Fieldset(legend: "Antrag", children: [
            TextField(id: "name", label: "Name", value: ""),
            Fieldset(legend: "Anschrift", children: [TextField(id: "street", label: "Straße", error: "Fehlt", value: "")]),
        ])

        let markup = tree.html.markup

        #expect(markup.hasPrefix("<fieldset class=\"field\"><legend>Antrag</legend>"))
        #expect(markup.contains("<fieldset class=\"field\"><legend>Anschrift</legend>"))
        #expect(markup.contains("id=\"street-error\""))
        #expect(markup.components(separatedBy: "</fieldset>").count == 3)
    }
}
