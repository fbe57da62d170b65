/// The German tax identification number (steuerliche Identifikationsnummer, § 139b AO).
public struct TaxIdentificationNumber: Sendable, Hashable, CustomStringConvertible {
    /// Eleven digits, no spaces.
    public let digits: String

    public enum Problem: Error, Sendable, Equatable {
        /// Not 11 digits, or starting with 0.
        case format
        /// The digits cannot be an issued number (frequency rule) or the check digit is wrong.
        case checksum
    }

    /// Spaces, as on the tax office's letters ("86 095 742 719"), are tolerated.
    public static func parse(_ input: String) -> Result<TaxIdentificationNumber, Problem> {
        let text = String(input.filter { !$0.isWhitespace })
        guard text.count == 11, text.allSatisfy(\.isASCIIDigit), text.first != "0" else { return .failure(.format) }
        let values = text.compactMap(\.wholeNumberValue)
        guard followsFrequencyRule(values.prefix(10)), checkDigit(values.prefix(10)) == values[10] else {
            return .failure(.checksum)
        }
        return .success(TaxIdentificationNumber(digits: text))
    }

    /// § 139b AO with § 1 StIdV: ten digits and a check digit; the first digit
    /// is never 0. The rule for the first ten digits is the BZSt's published
    /// structure as it applies since 2016 (German Wikipedia, "Steuerliche
    /// Identifikationsnummer"; python-stdnum's `de.idnr` checks the same):
    /// exactly one digit occurs twice or three times, every other digit at most
    /// once. Numbers issued before then have a digit twice, which this covers.
    /// Some descriptions add that a tripled digit may not stand three times in
    /// a row; that is not checked: it is in no legal text, and refusing a real
    /// number costs the member more than a typo the check digit also catches.
    static func followsFrequencyRule(_ digits: ArraySlice<Int>) -> Bool {
        var counts = [Int](repeating: 0, count: 10)
        for digit in digits { counts[digit] += 1 }
        let repeated = counts.filter { $0 > 1 }
        return repeated.count == 1 && (2...3).contains(repeated[0])
    }

    /// ISO 7064, MOD 11,10 (hybrid system), as the BZSt prescribes for the IdNr.
    static func checkDigit(_ digits: ArraySlice<Int>) -> Int {
        var product = 10
        for digit in digits {
            var sum = (digit + product) % 10
            if sum == 0 { sum = 10 }
            product = (2 * sum) % 11
        }
        let check = 11 - product
        return check == 10 ? 0 : check
    }

    /// "86 095 742 719", as the tax office prints it.
    public var grouped: String {
        let characters = Array(digits)
        return [0..<2, 2..<5, 5..<8, 8..<11].map { String(characters[$0]) }.joined(separator: " ")
    }

    public var description: String { grouped }
}
