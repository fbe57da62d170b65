import PortalDomain

/// Change of tax or health-insurance data, for pensioners and survivors
/// (the fund reports pensions to the tax office and the health insurer).
package enum ChangeOfTaxOrHealthInsurance {
    static let key = "application.changeOfTaxOrHealthInsurance"
    static let tax = FieldCondition.oneOf(field: "change", values: ["tax", "both"])
    static let health = FieldCondition.oneOf(field: "change", values: ["health", "both"])

    package static let definition = FormDefinition(
        id: "changeOfTaxOrHealthInsurance", version: 1, titleKey: "\(key).title",
        statuses: [.pensioner, .survivor],
        steps: [
            FormStep(id: "change", titleKey: "\(key).step.change", fields: [
                ApplicationFields.choice("change", ["tax", "health", "both"], prefix: "\(key).change"),
            ]),
            FormStep(id: "details", titleKey: "\(key).step.details", fields: [
                FormField(id: "taxID", kind: .taxID, labelKey: "application.field.taxID", hintKey: "application.field.taxID.hint",
                          condition: tax, prefill: .taxID),
                ApplicationFields.healthInsuranceKind(condition: health),
                ApplicationFields.healthInsurer(condition: health),
                FormField(id: "validFrom", kind: .date, labelKey: "\(key).validFrom", hintKey: "\(key).validFrom.hint"),
            ], checks: [ApplicationChecks.backdatingWarning("validFrom")]),
        ])
}
