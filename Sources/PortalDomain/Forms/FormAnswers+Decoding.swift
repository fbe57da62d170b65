import Foundation

extension FormAnswers {
    /// Reads answers back from `canonicalJSON` against the definition they
    /// were given for. A member that is no field of the definition, or whose
    /// value does not fit the field's kind, is left out: stored answers are
    /// the portal's own, so this only happens after a definition changed.
    public init(canonicalJSON json: String, definition: FormDefinition) {
        self.init()
        guard let object = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any] else { return }
        for (id, raw) in object {
            guard let field = definition.field(id), let value = Self.value(raw, kind: field.kind) else { continue }
            values[id] = value
        }
    }

    private static func value(_ raw: Any, kind: FieldKind) -> FormValue? {
        switch kind {
        case .money:
            return (raw as? NSNumber).map { .money(cents: $0.int64Value) }
        case .wholeNumber:
            return (raw as? NSNumber).map { .number($0.int64Value) }
        case .yesNo:
            return (raw as? Bool).map(FormValue.yesNo)
        default:
            break
        }
        guard let text = raw as? String else { return nil }
        switch kind {
        case .text, .multilineText: return .text(text)
        case .choice: return .choice(text)
        case .email: return .email(text)
        case .file: return .file(text)
        case .date: return (try? FormDate.parse(text).get()).map(FormValue.date)
        case .iban: return (try? IBAN.parse(text).get()).map(FormValue.iban)
        case .taxID: return (try? TaxIdentificationNumber.parse(text).get()).map(FormValue.taxID)
        case .money, .wholeNumber, .yesNo: return nil
        }
    }
}

extension FormValue {
    /// The text that goes back into the field when the member returns to a
    /// step: what `FormField.parse` reads as this same value.
    public var inputText: String {
        switch self {
        case .yesNo(let value): value ? "yes" : "no"
        case .date(let date): date.german
        case .money(let cents): EuroAmount.german(cents: cents)
        case .iban(let iban): iban.grouped
        default: canonicalText
        }
    }
}
