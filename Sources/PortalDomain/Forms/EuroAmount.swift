import Foundation

/// Euro amounts as members type them, to whole cents.
public enum EuroAmount {
    public enum Problem: Error, Sendable, Equatable { case format, negative, tooManyDecimals }

    /// Accepts "1.234,56", "1234,56", "1234.56", "1,234.56", "€ 1.234,56", "1234 EUR".
    /// A lone separator followed by three digits ("1.234") is read the German way,
    /// as a thousands separator: German is the portal's first language.
    public static func parse(_ input: String) -> Result<Int64, Problem> {
        var text = input.trimmingCharacters(in: .whitespaces)
        for symbol in ["€", "EUR", "Euro"] {
            if text.hasPrefix(symbol) { text.removeFirst(symbol.count) }
            if text.hasSuffix(symbol) { text.removeLast(symbol.count) }
        }
        text = String(text.filter { !$0.isWhitespace })
        if text.hasPrefix("-") || text.hasPrefix("−") { return .failure(.negative) }
        if text.hasPrefix("+") { text.removeFirst() }
        guard !text.isEmpty, text.allSatisfy({ $0.isASCIIDigit || $0 == "." || $0 == "," }) else { return .failure(.format) }

        let lastComma = text.lastIndex(of: ","), lastDot = text.lastIndex(of: ".")
        var decimalSeparator: Character?
        switch (lastComma, lastDot) {
        case (nil, nil): decimalSeparator = nil
        case (.some, nil): decimalSeparator = text.filter { $0 == "," }.count == 1 ? "," : nil
        case (nil, .some): decimalSeparator = isThousandsGrouping(text, separator: ".") ? nil : "."
        case (.some(let comma), .some(let dot)): decimalSeparator = comma > dot ? "," : "."
        }
        if let decimalSeparator, text.filter({ $0 == decimalSeparator }).count > 1 { return .failure(.format) }
        let whole: Substring, fraction: Substring
        if let decimalSeparator, let index = text.lastIndex(of: decimalSeparator) {
            whole = text[..<index]
            fraction = text[text.index(after: index)...]
        } else {
            whole = text[...]
            fraction = ""
        }
        guard fraction.allSatisfy(\.isASCIIDigit), !(decimalSeparator != nil && fraction.isEmpty) else { return .failure(.format) }
        guard fraction.count <= 2 else { return .failure(.tooManyDecimals) }
        let thousands: Character = decimalSeparator == "." ? "," : (decimalSeparator == "," ? "." : (whole.contains(",") ? "," : "."))
        guard let euros = wholeEuros(whole, thousands: thousands) else { return .failure(.format) }
        let cents = Int64(fraction.padding(toLength: 2, withPad: "0", startingAt: 0)) ?? 0
        let (total, overflow) = euros.multipliedReportingOverflow(by: 100)
        guard !overflow, total <= Int64.max - cents else { return .failure(.format) }
        return .success(total + cents)
    }

    /// "1.234,56 €" (STYLE.md: amounts as 1.234,56 €).
    public static func german(cents: Int64) -> String {
        let euros = String(cents / 100)
        var grouped = ""
        for (offset, digit) in euros.reversed().enumerated() {
            if offset > 0, offset % 3 == 0 { grouped.append(".") }
            grouped.append(digit)
        }
        let rest = cents % 100
        return String(grouped.reversed()) + "," + (rest < 10 ? "0" : "") + String(rest) + " €"
    }

    private static func isThousandsGrouping(_ text: String, separator: Character) -> Bool {
        let groups = text.split(separator: separator, omittingEmptySubsequences: false)
        return groups.count > 1 && (1...3).contains(groups[0].count) && groups[0].first != "0"
            && groups.dropFirst().allSatisfy { $0.count == 3 }
    }

    private static func wholeEuros(_ text: Substring, thousands: Character) -> Int64? {
        guard !text.isEmpty else { return nil }
        if text.contains(thousands) {
            guard isThousandsGrouping(String(text), separator: thousands) else { return nil }
        }
        let digits = text.filter { $0 != thousands }
        guard !digits.isEmpty, digits.count <= 15, digits.allSatisfy(\.isASCIIDigit) else { return nil }
        return Int64(digits)
    }
}
