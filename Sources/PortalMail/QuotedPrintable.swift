/// Quoted-printable (RFC 2045 §6.7) for the UTF-8 text body: readable in a
/// raw mailbox, 7-bit safe through any relay, and every line ≤ 76 octets, far
/// below SMTP's 998-octet limit.
enum QuotedPrintable {
    static let maxLineLength = 76

    /// Encodes `text` with CRLF line breaks, whatever breaks it came with.
    static func encode(_ text: String) -> String {
        let unified = text.replacingOccurrences(of: "\r\n", with: "\n")
            .replacingOccurrences(of: "\r", with: "\n")
        return unified.split(separator: "\n", omittingEmptySubsequences: false)
            .map(encodeLine)
            .joined(separator: "\r\n")
    }

    private static func encodeLine(_ line: Substring) -> String {
        let octets = Array(line.utf8)
        var out = ""
        var length = 0
        for (index, octet) in octets.enumerated() {
            let isLast = index == octets.count - 1
            let token = encode(octet, atEndOfLine: isLast)
            // A soft break `=` needs one column, except after the line's last token.
            let limit = isLast ? maxLineLength : maxLineLength - 1
            if length + token.count > limit {
                out += "=\r\n"
                length = 0
            }
            out += token
            length += token.count
        }
        return out
    }

    private static func encode(_ octet: UInt8, atEndOfLine: Bool) -> String {
        let isBlank = octet == 0x20 || octet == 0x09
        // Trailing blanks are encoded because relays may strip them (§6.7 rule 3).
        if (isBlank && !atEndOfLine) || (octet >= 33 && octet <= 126 && octet != UInt8(ascii: "=")) {
            return String(UnicodeScalar(octet))
        }
        let digits = Array("0123456789ABCDEF")
        return "=" + String(digits[Int(octet >> 4)]) + String(digits[Int(octet & 0x0F)])
    }
}
