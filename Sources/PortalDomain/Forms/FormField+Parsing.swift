import Foundation

extension FormField {
    /// Checks one submitted string against the field's kind and limits.
    /// Empty input is nil (the caller decides whether the field was required);
    /// a problem names the catalogue key that says what is expected.
    public func parse(_ raw: String) -> Result<FormValue?, FieldProblem> {
        // Refused before any per-character work: a 1 MB post costs no more than a short one.
        if raw.utf8.count > maximumInputBytes {
            switch kind {
            case .text, .multilineText: return .failure(problem("form.error.text.tooLong", [String(textLimit)]))
            default: return .failure(problem(formatKey))
            }
        }
        if raw.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return required ? .failure(problem("form.error.required")) : .success(nil)
        }
        return parseValue(raw).map(Optional.some)
    }

    private func parseValue(_ raw: String) -> Result<FormValue, FieldProblem> {
        switch kind {
        case .text, .multilineText:
            return parseText(raw, multiline: kind == .multilineText)
        case .date:
            return FormDate.parse(raw)
                .mapError { problem($0 == .format ? "form.error.date.format" : "form.error.date.impossible") }
                .flatMap(checkDateRange)
        case .money:
            return EuroAmount.parse(raw).mapError { error in
                switch error {
                case .format: problem("form.error.money.format")
                case .negative: problem("form.error.money.negative")
                case .tooManyDecimals: problem("form.error.money.decimals")
                }
            }.flatMap(checkMoneyRange)
        case .wholeNumber:
            return parseWholeNumber(raw)
        case .choice(let options):
            let id = raw.trimmingCharacters(in: .whitespaces)
            return options.contains { $0.id == id } ? .success(.choice(id)) : .failure(problem("form.error.choice"))
        case .yesNo:
            switch raw.trimmingCharacters(in: .whitespaces) {
            case "yes": return .success(.yesNo(true))
            case "no": return .success(.yesNo(false))
            default: return .failure(problem("form.error.yesNo"))
            }
        case .iban:
            return IBAN.parse(raw).map(FormValue.iban).mapError { error in
                switch error {
                case .format: problem("form.error.iban.format")
                case .country: problem("form.error.iban.country")
                case .length(let expected): problem("form.error.iban.length", [String(expected)])
                case .checksum: problem("form.error.iban.checksum")
                }
            }
        case .taxID:
            return TaxIdentificationNumber.parse(raw).map(FormValue.taxID)
                .mapError { problem($0 == .format ? "form.error.taxID.format" : "form.error.taxID.checksum") }
        case .email:
            return EmailAddress.parse(raw).map(FormValue.email)
                .mapError { problem($0 == .format ? "form.error.email.format" : "form.error.email.tooLong") }
        case .file:
            // A reference the upload step handed out: letters, digits, '-' only.
            let reference = raw.trimmingCharacters(in: .whitespaces)
            guard reference.count <= 100, reference.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else {
                return .failure(problem("form.error.file"))
            }
            return .success(.file(reference))
        }
    }

    private var textLimit: Int {
        limits.maxLength ?? (kind == .multilineText ? TextInput.multilineLimit : TextInput.defaultLimit)
    }

    /// Generous for the kind (surrounding spaces, combining marks), far below a request body.
    private var maximumInputBytes: Int {
        switch kind {
        case .text, .multilineText: 16 * textLimit + 1_024
        default: 1_024
        }
    }

    /// The message that names the kind's expected format.
    private var formatKey: String {
        switch kind {
        case .text, .multilineText: "form.error.text.tooLong"
        case .date: "form.error.date.format"
        case .money: "form.error.money.format"
        case .wholeNumber: "form.error.number.format"
        case .choice: "form.error.choice"
        case .yesNo: "form.error.yesNo"
        case .iban: "form.error.iban.format"
        case .taxID: "form.error.taxID.format"
        case .email: "form.error.email.tooLong"
        case .file: "form.error.file"
        }
    }

    private func parseText(_ raw: String, multiline: Bool) -> Result<FormValue, FieldProblem> {
        switch TextInput.parse(raw, multiline: multiline, limit: limits.maxLength) {
        case .failure(.tooLong(let limit)): return .failure(problem("form.error.text.tooLong", [String(limit)]))
        case .failure(.forbiddenCharacters): return .failure(problem("form.error.text.characters"))
        case .success(let text):
            if let digits = limits.digits, text.count != digits || !text.allSatisfy(\.isASCIIDigit) {
                return .failure(problem("form.error.digits", [String(digits)]))
            }
            return .success(.text(text))
        }
    }

    private func parseWholeNumber(_ raw: String) -> Result<FormValue, FieldProblem> {
        let text = raw.trimmingCharacters(in: .whitespaces)
        let body = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        guard !body.isEmpty, body.count <= 15, body.allSatisfy(\.isASCIIDigit), let number = Int64(text) else {
            return .failure(problem("form.error.number.format"))
        }
        if let range = limits.numberRange, !range.contains(number) {
            return .failure(problem("form.error.number.range", [String(range.lowerBound), String(range.upperBound)]))
        }
        return .success(.number(number))
    }

    private func checkDateRange(_ date: FormDate) -> Result<FormValue, FieldProblem> {
        guard let range = limits.dateRange else { return .success(.date(date)) }
        if date < range.lowerBound { return .failure(problem("form.error.date.tooEarly", [range.lowerBound.german])) }
        if date > range.upperBound { return .failure(problem("form.error.date.tooLate", [range.upperBound.german])) }
        return .success(.date(date))
    }

    private func checkMoneyRange(_ cents: Int64) -> Result<FormValue, FieldProblem> {
        if let range = limits.moneyRange, !range.contains(cents) {
            return .failure(problem("form.error.money.range",
                                    [EuroAmount.german(cents: range.lowerBound), EuroAmount.german(cents: range.upperBound)]))
        }
        return .success(.money(cents: cents))
    }

    func problem(_ key: String, _ arguments: [String] = []) -> FieldProblem {
        FieldProblem(fieldID: id, messageKey: key, arguments: arguments)
    }
}
