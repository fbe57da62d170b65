import PortalDomain

/// Change of bank details. For active members who pay by direct debit a new
/// SEPA mandate is part of it (the mandate text names the fund's creditor
/// identifier); the inbox and e-mail notice after sending is the HTTP part's.
package enum ChangeOfBankDetails {
    static let key = "application.changeOfBankDetails"

    package static let definition = FormDefinition(
        id: "changeOfBankDetails", version: 1, titleKey: "\(key).title",
        statuses: [.active, .pensioner, .survivor],
        steps: [
            FormStep(id: "account", titleKey: "\(key).step.account", fields: [
                ApplicationFields.accountHolder(),
                ApplicationFields.iban(),
                ApplicationFields.bic(),
                FormField(id: "validFrom", kind: .date, labelKey: "\(key).validFrom", hintKey: "\(key).validFrom.hint"),
            ], checks: [ApplicationChecks.bic("bic"), ApplicationChecks.notInPast("validFrom")]),
            // SEPA Rulebook: a debit needs the payer's mandate for this account.
            FormStep(id: "mandate", titleKey: "\(key).step.mandate", fields: [
                FormField(id: "mandateConsent", kind: .yesNo, labelKey: "\(key).mandateConsent",
                          hintKey: "\(key).mandateConsent.hint"),
            ], checks: [FormCheck { answers, _ in
                answers["mandateConsent"] == .yesNo(false)
                    ? [FieldProblem(fieldID: "mandateConsent", messageKey: "application.error.mandateRequired")] : []
            }], appliesWhen: { $0.status == .active && $0.paysByDirectDebit }),
        ])

    /// The mandate's wording; {0} is the fund's name, {1} its creditor identifier.
    package static let mandateTextKey = "\(key).mandate.text"
}
