import Foundation

/// Free text and e-mail addresses as members type them.
public enum TextInput {
    public enum Problem: Error, Sendable, Equatable {
        case tooLong(limit: Int)
        /// Control characters, NUL or direction overrides.
        case forbiddenCharacters
    }

    public static let defaultLimit = 200
    public static let multilineLimit = 2_000

    /// Trimmed, in Unicode NFC (so equal texts are stored and hashed alike).
    /// Multi-line text keeps newlines (CR LF becomes LF) and tabs.
    public static func parse(_ input: String, multiline: Bool, limit: Int? = nil) -> Result<String, Problem> {
        var text = input.trimmingCharacters(in: .whitespacesAndNewlines)
        if multiline { text = text.replacingOccurrences(of: "\r\n", with: "\n") }
        text = text.precomposedStringWithCanonicalMapping
        guard !text.unicodeScalars.contains(where: { isForbidden($0, multiline: multiline) }) else {
            return .failure(.forbiddenCharacters)
        }
        let limit = limit ?? (multiline ? multilineLimit : defaultLimit)
        guard text.count <= limit else { return .failure(.tooLong(limit: limit)) }
        return .success(text)
    }

    /// Bidi overrides and isolates (U+202A–U+202E, U+2066–U+2069) can make a
    /// PDF or a case worker's screen show text in another order than stored
    /// (the "Trojan Source" attack); control characters and NUL break exports.
    static func isForbidden(_ scalar: Unicode.Scalar, multiline: Bool) -> Bool {
        if (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value) { return true }
        if multiline, scalar == "\n" || scalar == "\t" { return false }
        return scalar.properties.generalCategory == .control
    }
}

/// A pragmatic e-mail check: the address is confirmed by sending to it, so
/// this only catches typos (one @, a dot in the domain, no spaces, ≤ 254).
public enum EmailAddress {
    public enum Problem: Error, Sendable, Equatable { case format, tooLong }

    public static let maximumLength = 254

    public static func parse(_ input: String) -> Result<String, Problem> {
        let text = input.trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.count <= maximumLength else { return .failure(.tooLong) }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty,
              !text.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.properties.generalCategory == .control
                  || TextInput.isForbidden($0, multiline: false) }),
              parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."), !parts[1].contains("..")
        else { return .failure(.format) }
        return .success(text)
    }
}
