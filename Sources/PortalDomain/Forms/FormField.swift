/// One question of a form.
public struct FormField: Sendable, Equatable, Identifiable {
    public let id: String
    public let kind: FieldKind
    public let required: Bool
    public let labelKey: String
    public let hintKey: String?
    /// Shown (and required, and kept) only when this holds for the earlier answers.
    public let condition: FieldCondition?
    /// Which of the member's records fills the field in advance.
    public let prefill: PrefillSource?
    public let limits: FieldLimits

    public init(id: String, kind: FieldKind, required: Bool = true, labelKey: String, hintKey: String? = nil,
                condition: FieldCondition? = nil, prefill: PrefillSource? = nil, limits: FieldLimits = .init()) {
        self.id = id
        self.kind = kind
        self.required = required
        self.labelKey = labelKey
        self.hintKey = hintKey
        self.condition = condition
        self.prefill = prefill
        self.limits = limits
    }

    /// Every catalogue key the field names (label, hint, options).
    public var textKeys: [String] {
        var keys = [labelKey]
        if let hintKey { keys.append(hintKey) }
        if case .choice(let options) = kind { keys += options.map(\.labelKey) }
        return keys
    }
}

public enum FieldKind: Sendable, Equatable {
    case text
    case multilineText
    case date
    /// Euro amounts, kept as whole cents.
    case money
    case wholeNumber
    /// Radio buttons: exactly one of the options.
    case choice([ChoiceOption])
    case yesNo
    case iban
    case taxID
    case email
    /// An upload; the model is here, the uploads come with the cases issue.
    case file
}

public struct ChoiceOption: Sendable, Equatable {
    public let id: String
    public let labelKey: String
    public init(id: String, labelKey: String) {
        self.id = id
        self.labelKey = labelKey
    }
}

/// "Show when field X is Y", on answers given before the field.
public indirect enum FieldCondition: Sendable, Equatable {
    /// The answer's condition text (`FormValue.conditionText`) equals the value.
    case equals(field: String, value: String)
    case oneOf(field: String, values: [String])
    case not(FieldCondition)

    public func holds(for answers: FormAnswers) -> Bool {
        switch self {
        case .equals(let field, let value): answers[field]?.conditionText == value
        case .oneOf(let field, let values): answers[field].map { values.contains($0.conditionText) } ?? false
        case .not(let condition): !condition.holds(for: answers)
        }
    }

    /// The fields the condition reads; each must come before the field it guards.
    public var referencedFields: [String] {
        switch self {
        case .equals(let field, _), .oneOf(let field, _): [field]
        case .not(let condition): condition.referencedFields
        }
    }
}

/// Where a prefilled answer comes from; the member can change it.
public enum PrefillSource: String, Sendable, Equatable, CaseIterable {
    case address
    case lastBankDetails
    case taxID
    case healthInsurance
    case notificationEmail
}

/// Limits of one field beyond its kind's own rules.
public struct FieldLimits: Sendable, Equatable {
    /// Characters after trimming; nil: the kind's default (200, multi-line 2,000).
    public var maxLength: Int?
    /// Exactly this many ASCII digits (a German postcode has 5).
    public var digits: Int?
    public var numberRange: ClosedRange<Int64>?
    public var moneyRange: ClosedRange<Int64>?
    public var dateRange: ClosedRange<FormDate>?

    public init(maxLength: Int? = nil, digits: Int? = nil, numberRange: ClosedRange<Int64>? = nil,
                moneyRange: ClosedRange<Int64>? = nil, dateRange: ClosedRange<FormDate>? = nil) {
        self.maxLength = maxLength
        self.digits = digits
        self.numberRange = numberRange
        self.moneyRange = moneyRange
        self.dateRange = dateRange
    }
}
