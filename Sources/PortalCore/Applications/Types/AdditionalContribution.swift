import PortalDomain

/// A voluntary additional contribution for the current year, within the
/// fund's configured limits (active members).
package enum AdditionalContribution {
    static let key = "application.additionalContribution"

    package static let definition = FormDefinition(
        id: "additionalContribution", version: 1, titleKey: "\(key).title",
        statuses: [.active],
        steps: [
            FormStep(id: "amount", titleKey: "\(key).step.amount", fields: [
                FormField(id: "amount", kind: .money, labelKey: "\(key).amount", hintKey: "\(key).amount.hint"),
                ApplicationFields.choice("payment", ["transfer", "directDebit"], prefix: "\(key).payment", hint: true),
            ], checks: [withinLimits]),
        ])

    static let withinLimits = FormCheck { answers, context in
        let limits = context.rules.additionalContribution
        guard case .money(let cents)? = answers["amount"], !limits.contains(cents) else { return [] }
        return [FieldProblem(fieldID: "amount", messageKey: "application.error.additionalContribution",
                             arguments: [EuroAmount.german(cents: limits.lowerBound), EuroAmount.german(cents: limits.upperBound),
                                         String(context.today.year)])]
    }
}
