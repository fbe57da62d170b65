import PortalDomain

/// An answer as the member read it on the form: yes/no and options as their
/// catalogue labels, everything else in the value's German spelling
/// (12.08.2026, 1.234,56 €, IBAN in groups of four).
package enum ApplicationAnswerText {
    package static func german(_ value: FormValue, of field: FormField, texts: LocalizationCatalogue) -> String {
        switch (field.kind, value) {
        case (.yesNo, .yesNo(let yes)):
            return texts.text(yes ? "form.value.yes" : "form.value.no", .de)
        case (.choice(let options), .choice(let id)):
            // An option the definition no longer has keeps its id: still the member's answer.
            return options.first { $0.id == id }.map { texts.text($0.labelKey, .de) } ?? id
        default:
            return value.germanDisplay
        }
    }
}
