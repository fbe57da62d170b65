import Foundation

/// One plain-text e-mail, validated at creation: a `MailMessage` that exists
/// can always be rendered and sent without header injection.
public struct MailMessage: Sendable, Hashable {
    public let from: MailAddress
    public let to: [MailAddress]
    public let subject: String
    /// UTF-8 text; line breaks are normalised to CRLF when rendered.
    public let body: String
    /// Without angle brackets, e.g. `notify-4711@portal.example`. The caller
    /// passes the outbox job's idempotency key here, so a mail sent twice
    /// after a crash carries the same Message-ID and receivers drop the copy.
    public let messageID: String
    /// From the injected clock, never read from the wall clock here.
    public let date: Date

    public init(
        from: MailAddress, to: [MailAddress], subject: String, body: String,
        messageID: String, date: Date
    ) throws(MailMessageError) {
        guard !to.isEmpty else { throw .noRecipients }
        try HeaderValue.check(subject, field: "Subject")
        let id = messageID.hasPrefix("<") && messageID.hasSuffix(">")
            ? String(messageID.dropFirst().dropLast()) : messageID
        guard Self.isValidMessageID(id) else { throw .invalidMessageID }
        self.from = from
        self.to = to
        self.subject = subject
        self.body = body
        self.messageID = id
        self.date = date
    }

    /// RFC 5322 msg-id: `left@right` in printable ASCII without brackets or spaces.
    static func isValidMessageID(_ id: String) -> Bool {
        let parts = id.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, id.utf8.count <= 250
        else { return false }
        return id.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "<") && $0 != UInt8(ascii: ">") }
    }
}
