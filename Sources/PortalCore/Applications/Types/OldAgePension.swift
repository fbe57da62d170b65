import PortalDomain

/// Old-age pension: desired start, bank details, tax id, health insurance.
package enum OldAgePension {
    static let key = "application.oldAgePension"

    package static let definition = FormDefinition(
        id: "oldAgePension", version: 1, titleKey: "\(key).title",
        statuses: [.active, .former],
        steps: [
            FormStep(id: "start", titleKey: "\(key).step.start", fields: [
                FormField(id: "desiredStart", kind: .date, labelKey: "\(key).desiredStart", hintKey: "\(key).desiredStart.hint"),
            ], checks: [ApplicationChecks.firstOfMonth("desiredStart"), earliestStart,
                        ApplicationChecks.backdatingWarning("desiredStart")]),
            FormStep(id: "bank", titleKey: "\(key).step.bank", fields: [
                ApplicationFields.accountHolder(), ApplicationFields.iban(), ApplicationFields.bic(),
            ], checks: [ApplicationChecks.bic("bic")]),
            FormStep(id: "taxAndHealth", titleKey: "\(key).step.taxAndHealth", fields: [
                ApplicationFields.taxID(),
                ApplicationFields.healthInsuranceKind(),
                ApplicationFields.healthInsurer(),
            ]),
        ])

    /// Not before the first of the month after the member reaches the fund's
    /// earliest pension age (configurable, default 60).
    static let earliestStart = FormCheck { answers, context in
        guard case .date(let start)? = answers["desiredStart"], let born = context.dateOfBirth else { return [] }
        let earliest = born.adding(years: context.rules.earliestPensionAge).firstOfNextMonth
        guard start < earliest else { return [] }
        return [FieldProblem(fieldID: "desiredStart", messageKey: "application.error.pensionTooEarly",
                             arguments: [earliest.german, String(context.rules.earliestPensionAge)])]
    }
}
