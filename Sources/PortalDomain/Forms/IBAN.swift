/// An International Bank Account Number (ISO 13616), checked for a SEPA country's length and mod 97.
public struct IBAN: Sendable, Hashable, CustomStringConvertible {
    /// Uppercase, no spaces: how it is stored and sent.
    public let compact: String

    public enum Problem: Error, Sendable, Equatable {
        case format
        /// Not an IBAN country of the SEPA scheme.
        case country
        /// The country's IBANs have `expected` characters.
        case length(expected: Int)
        case checksum
    }

    public static func parse(_ input: String) -> Result<IBAN, Problem> {
        let text = String(input.filter { !$0.isWhitespace }).uppercased()
        guard text.count >= 5, text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return .failure(.format) }
        let country = String(text.prefix(2))
        guard country.allSatisfy(\.isLetter), text.dropFirst(2).prefix(2).allSatisfy(\.isASCIIDigit) else { return .failure(.format) }
        guard let length = sepaLengths[country] else { return .failure(.country) }
        guard text.count == length else { return .failure(.length(expected: length)) }
        guard mod97(String(text.dropFirst(4)) + text.prefix(4)) == 1 else { return .failure(.checksum) }
        return .success(IBAN(compact: text))
    }

    /// In groups of four, as on bank cards and statements: "DE89 3704 0044 0532 0130 00".
    public var grouped: String {
        var result = ""
        for (offset, character) in compact.enumerated() {
            if offset > 0, offset % 4 == 0 { result.append(" ") }
            result.append(character)
        }
        return result
    }

    public var countryCode: String { String(compact.prefix(2)) }
    public var description: String { grouped }

    /// ISO 7064 MOD 97-10 over the rearranged IBAN, letters as 10…35, digit by digit
    /// so no big integers are needed.
    private static func mod97(_ text: String) -> Int {
        var remainder = 0
        for character in text {
            guard let value = character.isASCIIDigit ? character.wholeNumberValue : letterValue(character) else { return -1 }
            remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97
        }
        return remainder
    }

    private static func letterValue(_ character: Character) -> Int? {
        guard let ascii = character.asciiValue, (65...90).contains(ascii) else { return nil }
        return Int(ascii) - 55
    }

    /// IBAN lengths (SWIFT's IBAN registry) of the countries in the SEPA
    /// schemes' geographical scope (EPC409-09), including the 2025 extension to
    /// Albania, Moldova, Montenegro and North Macedonia. Guernsey, Jersey, the
    /// Isle of Man and the French overseas departments use GB and FR IBANs.
    static let sepaLengths: [String: Int] = [
        "AD": 24, "AL": 28, "AT": 20, "BE": 16, "BG": 22, "CH": 21, "CY": 28, "CZ": 24, "DE": 22,
        "DK": 18, "EE": 20, "ES": 24, "FI": 18, "FR": 27, "GB": 22, "GI": 23, "GR": 27, "HR": 21,
        "HU": 28, "IE": 22, "IS": 26, "IT": 27, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MC": 27,
        "MD": 24, "ME": 22, "MK": 19, "MT": 31, "NL": 18, "NO": 15, "PL": 28, "PT": 25, "RO": 24,
        "SE": 24, "SI": 19, "SK": 24, "SM": 27, "VA": 22,
    ]
}
