import PortalDomain

/// Disability pension (Berufsunfähigkeitsrente): since when, the treating doctor optional, medical evidence.
package enum DisabilityPension {
    static let key = "application.disabilityPension"

    package static let definition = FormDefinition(
        id: "disabilityPension", version: 1, titleKey: "\(key).title",
        statuses: [.active],
        steps: [
            FormStep(id: "disability", titleKey: "\(key).step.disability", fields: [
                FormField(id: "unableSince", kind: .date, labelKey: "\(key).unableSince", hintKey: "\(key).unableSince.hint"),
                FormField(id: "stillWorking", kind: .yesNo, labelKey: "\(key).stillWorking"),
                FormField(id: "description", kind: .multilineText, labelKey: "\(key).description",
                          hintKey: "\(key).description.hint"),
            ], checks: [ApplicationChecks.notInFuture("unableSince")]),
            FormStep(id: "doctor", titleKey: "\(key).step.doctor", fields: [
                FormField(id: "doctorName", kind: .text, required: false, labelKey: "\(key).doctorName",
                          limits: FieldLimits(maxLength: 100)),
                FormField(id: "doctorAddress", kind: .multilineText, required: false, labelKey: "\(key).doctorAddress",
                          limits: FieldLimits(maxLength: 300)),
                FormField(id: "medicalEvidence", kind: .file, labelKey: "\(key).medicalEvidence",
                          hintKey: "\(key).medicalEvidence.hint"),
            ]),
        ])
}
