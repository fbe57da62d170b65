import Foundation

/// RFC 2047 encoded words for header text that is not plain ASCII.
enum EncodedWord {
    /// RFC 2047 §2: an encoded word is at most 75 characters. `=?utf-8?B?` and
    /// `?=` take 12, leaving 63, so 60 base64 characters, which carry 45 octets.
    static let maxOctetsPerWord = 45

    /// Whether `text` must be encoded: non-ASCII, something a decoder would
    /// mistake for an encoded word, or too long to stay on one short line.
    static func isNeeded(for text: String) -> Bool {
        text.utf8.contains { $0 >= 0x80 } || text.contains("=?") || text.utf8.count > 60
    }

    /// Splits `text` into base64 encoded words, never inside a Unicode scalar
    /// (RFC 2047 §5: each word must decode to whole characters on its own).
    static func encode(_ text: String) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        for scalar in text.unicodeScalars {
            let octets = Array(String(scalar).utf8)
            if chunk.count + octets.count > maxOctetsPerWord, !chunk.isEmpty {
                words.append(word(chunk))
                chunk = []
            }
            chunk += octets
        }
        if !chunk.isEmpty || words.isEmpty { words.append(word(chunk)) }
        return words
    }

    private static func word(_ octets: [UInt8]) -> String {
        "=?utf-8?B?" + Data(octets).base64EncodedString() + "?="
    }

    /// Joins words as folded header lines; the decoder drops the folding
    /// whitespace between adjacent encoded words (RFC 2047 §6.2).
    static func folded(_ text: String) -> String {
        encode(text).joined(separator: "\r\n ")
    }
}
