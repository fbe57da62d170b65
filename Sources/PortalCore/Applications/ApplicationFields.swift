import PortalDomain

/// Fields several application types ask the same way, with shared texts
/// (`application.field.*`), so bank details read alike in every form.
package enum ApplicationFields {
    package static func accountHolder() -> FormField {
        FormField(id: "accountHolder", kind: .text, labelKey: "application.field.accountHolder",
                  hintKey: "application.field.accountHolder.hint", prefill: .lastBankDetails, limits: FieldLimits(maxLength: 70))
    }

    package static func iban() -> FormField {
        FormField(id: "iban", kind: .iban, labelKey: "application.field.iban", hintKey: "application.field.iban.hint",
                  prefill: .lastBankDetails)
    }

    package static func bic() -> FormField {
        FormField(id: "bic", kind: .text, required: false, labelKey: "application.field.bic",
                  hintKey: "application.field.bic.hint", prefill: .lastBankDetails, limits: FieldLimits(maxLength: 14))
    }

    package static func taxID() -> FormField {
        FormField(id: "taxID", kind: .taxID, labelKey: "application.field.taxID", hintKey: "application.field.taxID.hint",
                  prefill: .taxID)
    }

    package static let healthInsuranceOptions = ["statutoryCompulsory", "statutoryVoluntary", "private"]

    package static func healthInsuranceKind(condition: FieldCondition? = nil) -> FormField {
        FormField(id: "healthInsuranceKind",
                  kind: .choice(healthInsuranceOptions.map { ChoiceOption(id: $0, labelKey: "application.field.healthInsuranceKind.\($0)") }),
                  labelKey: "application.field.healthInsuranceKind", hintKey: "application.field.healthInsuranceKind.hint",
                  condition: condition, prefill: .healthInsurance)
    }

    package static func healthInsurer(condition: FieldCondition? = nil) -> FormField {
        FormField(id: "healthInsurer", kind: .text, labelKey: "application.field.healthInsurer",
                  hintKey: "application.field.healthInsurer.hint", condition: condition, prefill: .healthInsurance,
                  limits: FieldLimits(maxLength: 100))
    }

    /// A choice whose option labels are `<prefix>.<option>`.
    package static func choice(_ id: String, _ options: [String], prefix: String, hint: Bool = false,
                               condition: FieldCondition? = nil) -> FormField {
        FormField(id: id, kind: .choice(options.map { ChoiceOption(id: $0, labelKey: "\(prefix).\($0)") }),
                  labelKey: prefix, hintKey: hint ? "\(prefix).hint" : nil, condition: condition)
    }
}
