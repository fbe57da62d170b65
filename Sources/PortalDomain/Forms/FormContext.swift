/// What checks need beyond the answers: today, facts about the member and the
/// fund's configured rules. Nothing here is a literal in a definition, so
/// tests can stand just before or after any limit.
public struct FormContext: Sendable {
    public var today: FormDate
    public var status: MemberStatus
    public var dateOfBirth: FormDate?
    /// The member pays contributions by SEPA direct debit: changing the bank
    /// details then includes a new mandate.
    public var paysByDirectDebit: Bool
    public var rules: FundRules

    public init(today: FormDate, status: MemberStatus, dateOfBirth: FormDate? = nil,
                paysByDirectDebit: Bool = false, rules: FundRules = .init()) {
        self.today = today
        self.status = status
        self.dateOfBirth = dateOfBirth
        self.paysByDirectDebit = paysByDirectDebit
        self.rules = rules
    }
}

/// The fund's rules that its statutes set and configuration supplies.
public struct FundRules: Sendable, Equatable {
    /// The earliest age for an old-age pension (statutes; commonly 60 for early retirement).
    public var earliestPensionAge: Int
    /// A start date further back than this gets a warning (not a refusal): the
    /// case worker has to check whether the late application is still admissible.
    public var backdatingMonthsWithoutWarning: Int
    /// The voluntary additional contribution per year, in cents.
    public var additionalContribution: ClosedRange<Int64>
    /// How far back a contribution reduction may be applied for, in years.
    public var reductionYearsBack: Int

    public init(earliestPensionAge: Int = 60, backdatingMonthsWithoutWarning: Int = 3,
                additionalContribution: ClosedRange<Int64> = 100_00...30_000_00, reductionYearsBack: Int = 1) {
        self.earliestPensionAge = earliestPensionAge
        self.backdatingMonthsWithoutWarning = backdatingMonthsWithoutWarning
        self.additionalContribution = additionalContribution
        self.reductionYearsBack = reductionYearsBack
    }
}
