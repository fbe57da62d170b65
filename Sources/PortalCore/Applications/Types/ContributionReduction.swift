import PortalDomain

/// Contribution reduction: the income year and the expected income, with proof.
package enum ContributionReduction {
    static let key = "application.contributionReduction"

    package static let definition = FormDefinition(
        id: "contributionReduction", version: 1, titleKey: "\(key).title",
        statuses: [.active],
        steps: [
            FormStep(id: "income", titleKey: "\(key).step.income", fields: [
                FormField(id: "incomeYear", kind: .wholeNumber, labelKey: "\(key).incomeYear", hintKey: "\(key).incomeYear.hint",
                          limits: FieldLimits(numberRange: 2000...2200)),
                FormField(id: "expectedIncome", kind: .money, labelKey: "\(key).expectedIncome",
                          hintKey: "\(key).expectedIncome.hint"),
            ], checks: [incomeYear]),
            FormStep(id: "proof", titleKey: "\(key).step.proof", fields: [
                FormField(id: "incomeProof", kind: .file, labelKey: "\(key).incomeProof", hintKey: "\(key).incomeProof.hint"),
            ]),
        ])

    /// The current year, the next one, or as many back as the fund's rules allow.
    static let incomeYear = FormCheck { answers, context in
        let earliest = Int64(context.today.year - context.rules.reductionYearsBack), latest = Int64(context.today.year + 1)
        guard case .number(let year)? = answers["incomeYear"], !(earliest...latest).contains(year) else { return [] }
        return [FieldProblem(fieldID: "incomeYear", messageKey: "application.error.incomeYear",
                             arguments: [String(earliest), String(latest)])]
    }
}
