/// An e-mail address with an optional display name, checked once at creation
/// so that neither the MIME header nor the SMTP envelope can be forged with it.
public struct MailAddress: Sendable, Hashable {
    /// The addr-spec, `local@domain`, plain ASCII.
    public let address: String
    /// Shown to the reader; may hold any Unicode, it is sent as an encoded word.
    public let displayName: String?

    public init(_ address: String, displayName: String? = nil) throws(MailMessageError) {
        guard Self.isValidAddress(address) else {
            throw .invalidAddress
        }
        if let displayName {
            try HeaderValue.check(displayName, field: "display name")
        }
        self.address = address
        self.displayName = displayName?.isEmpty == true ? nil : displayName
    }

    /// Deliberately narrower than RFC 5321: one `@`, no spaces, no controls, no
    /// angle brackets or quotes, ASCII only. SMTPUTF8 is not offered by every
    /// relay, and a character outside this set in the envelope is the way to
    /// inject a second SMTP command or header.
    static func isValidAddress(_ address: String) -> Bool {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty,
              address.utf8.count <= 254 else { return false }
        // A domain is dot-separated labels: no leading, trailing or double dot.
        guard !parts[1].split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty) else { return false }
        return address.utf8.allSatisfy { byte in
            byte > 0x20 && byte < 0x7F && !"<>()[]\\,;:\"".utf8.contains(byte)
        }
    }

    /// The one check for an address a person types in, so that what a form
    /// accepts is exactly what this library will later send to: its rules
    /// above, plus a domain with a dot (a dotless domain such as `localhost`
    /// is fine for the portal's own sender, never for a member's mailbox).
    public static func isValidRecipient(_ address: String) -> Bool {
        isValidAddress(address) && address.split(separator: "@").last?.contains(".") == true
    }
}

/// Why a message could not be built. Never retried: the same input fails again.
public enum MailMessageError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidAddress
    case noRecipients
    /// A header value held a line break or another control character; this
    /// is how header injection (an extra `Bcc:`) would be attempted.
    case controlCharacterInHeader(field: String)
    case invalidMessageID

    public var description: String {
        switch self {
        case .invalidAddress: "invalid e-mail address"
        case .noRecipients: "message has no recipients"
        case .controlCharacterInHeader(let field): "control character in header \(field)"
        case .invalidMessageID: "invalid Message-ID"
        }
    }
}

enum HeaderValue {
    /// Rejects CR, LF and every other control character (tab is allowed).
    static func check(_ value: String, field: String) throws(MailMessageError) {
        let bad = value.unicodeScalars.contains { scalar in
            (scalar.value < 0x20 && scalar != "\t") || scalar.value == 0x7F
                || scalar == "\u{2028}" || scalar == "\u{2029}" || scalar == "\u{85}"
        }
        if bad { throw .controlCharacterInHeader(field: field) }
    }
}
