/// A checked answer, typed by its field's kind.
public enum FormValue: Sendable, Equatable {
    case text(String)
    case date(FormDate)
    case money(cents: Int64)
    case number(Int64)
    case choice(String)
    case yesNo(Bool)
    case iban(IBAN)
    case taxID(TaxIdentificationNumber)
    case email(String)
    /// The reference of an uploaded file (uploads come with the cases issue).
    case file(String)

    /// What conditions compare: the option id, `yes`/`no`, or the canonical text.
    public var conditionText: String {
        switch self {
        case .yesNo(let value): value ? "yes" : "no"
        default: canonicalText
        }
    }

    /// The value as a string in one fixed spelling (ISO dates, cents, compact IBAN).
    public var canonicalText: String {
        switch self {
        case .text(let text), .choice(let text), .email(let text), .file(let text): text
        case .date(let date): date.iso
        case .money(let cents): String(cents)
        case .number(let number): String(number)
        case .yesNo(let value): value ? "true" : "false"
        case .iban(let iban): iban.compact
        case .taxID(let id): id.digits
        }
    }

    /// The German display a member and a case worker read (12.08.2026, 1.234,56 €,
    /// IBAN in groups of four); yes/no and options are labels from the catalogue instead.
    public var germanDisplay: String {
        switch self {
        case .date(let date): date.german
        case .money(let cents): EuroAmount.german(cents: cents)
        case .iban(let iban): iban.grouped
        case .taxID(let id): id.grouped
        default: canonicalText
        }
    }
}

/// A field's answer could not be taken, with the catalogue key that says what is expected.
public struct FieldProblem: Sendable, Equatable, Error {
    public enum Severity: Sendable, Equatable { case error, warning }

    public let fieldID: String
    public let messageKey: String
    public let arguments: [String]
    /// A warning is shown but does not stop the member.
    public let severity: Severity

    public init(fieldID: String, messageKey: String, arguments: [String] = [], severity: Severity = .error) {
        self.fieldID = fieldID
        self.messageKey = messageKey
        self.arguments = arguments
        self.severity = severity
    }
}

/// The checked answers of a form so far, by field id.
public struct FormAnswers: Sendable, Equatable {
    public var values: [String: FormValue]

    public init(_ values: [String: FormValue] = [:]) { self.values = values }

    public subscript(field: String) -> FormValue? {
        get { values[field] }
        set { values[field] = newValue }
    }

    public func merging(_ other: FormAnswers) -> FormAnswers {
        FormAnswers(values.merging(other.values) { _, new in new })
    }
}
