/// Renders a `MailMessage` as RFC 5322 / RFC 2045 octets: CRLF line breaks,
/// UTF-8 subject and names as encoded words, a quoted-printable text body.
/// The output is 7-bit clean, so it needs neither 8BITMIME nor SMTPUTF8.
public struct MIMEBuilder: Sendable {
    public init() {}

    public func build(_ message: MailMessage) -> [UInt8] {
        var headers: [String] = [
            "Date: " + RFC5322Date.format(message.date),
            "From: " + render(message.from),
            "To: " + message.to.map(render).joined(separator: ",\r\n "),
            "Subject: " + renderText(message.subject),
            "Message-ID: <\(message.messageID)>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: quoted-printable",
        ]
        headers.append("")
        var body = QuotedPrintable.encode(message.body)
        if !body.hasSuffix("\r\n") { body += "\r\n" }
        return Array((headers.joined(separator: "\r\n") + "\r\n" + body).utf8)
    }

    private func renderText(_ text: String) -> String {
        EncodedWord.isNeeded(for: text) ? EncodedWord.folded(text) : text
    }

    private func render(_ address: MailAddress) -> String {
        guard let name = address.displayName else { return "<\(address.address)>" }
        return renderPhrase(name) + " <\(address.address)>"
    }

    /// A display name is a phrase: ASCII goes into a quoted string (so commas
    /// or dots cannot split it), anything else into encoded words.
    private func renderPhrase(_ name: String) -> String {
        if EncodedWord.isNeeded(for: name) { return EncodedWord.folded(name) }
        let escaped = name.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "\"", with: "\\\"")
        return "\"\(escaped)\""
    }
}
