import PortalDomain

/// Exemption from the statutory pension insurance for a new employment (§ 6 SGB VI).
package enum PensionInsuranceExemption {
    static let key = "application.pensionInsuranceExemption"
    static let kinds = ["professional", "syndic", "other"]

    package static let definition = FormDefinition(
        id: "pensionInsuranceExemption", version: 1, titleKey: "\(key).title",
        statuses: [.active],
        steps: [
            FormStep(id: "employer", titleKey: "\(key).step.employer", fields: [
                FormField(id: "employer", kind: .text, labelKey: "\(key).employer", limits: FieldLimits(maxLength: 150)),
                FormField(id: "employerAddress", kind: .multilineText, labelKey: "\(key).employerAddress",
                          hintKey: "\(key).employerAddress.hint", limits: FieldLimits(maxLength: 300)),
                FormField(id: "startDate", kind: .date, labelKey: "\(key).startDate", hintKey: "\(key).startDate.hint"),
            ], checks: [
                // § 6 Abs. 4 SGB VI: the exemption applies from the start of the
                // employment only if applied for within three months; later, from receipt.
                ApplicationChecks.backdatingWarning("startDate", messageKey: "application.warning.exemptionLate"),
            ]),
            FormStep(id: "employment", titleKey: "\(key).step.employment", fields: [
                ApplicationFields.choice("employmentKind", kinds, prefix: "\(key).employmentKind", hint: true),
                FormField(id: "employmentDescription", kind: .multilineText, labelKey: "\(key).employmentDescription",
                          condition: .equals(field: "employmentKind", value: "other"), limits: FieldLimits(maxLength: 1_000)),
                FormField(id: "jobTitle", kind: .text, labelKey: "\(key).jobTitle", limits: FieldLimits(maxLength: 100)),
                FormField(id: "weeklyHours", kind: .wholeNumber, labelKey: "\(key).weeklyHours",
                          limits: FieldLimits(numberRange: 1...80)),
            ]),
        ])
}
