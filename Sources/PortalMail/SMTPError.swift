/// Every failure of `SMTPClient.send`, with the one decision the outbox
/// needs: try again later (`.transient`) or give up on this mail (`.permanent`).
public struct SMTPError: Error, Sendable, CustomStringConvertible {
    public enum Disposition: Sendable, Equatable {
        /// 4xx replies, refused or dropped connections, TLS failures, timeouts.
        case transient
        /// 5xx replies and configurations that cannot work (RFC 5321 §4.2.1).
        case permanent
    }

    public enum Stage: String, Sendable, Equatable {
        case configuration, connect, greeting, hello, startTLS, authentication
        case mailFrom, recipient, data, message
    }

    public let disposition: Disposition
    public let stage: Stage
    /// The server's reply code, when the server answered.
    public let replyCode: Int?
    /// The server's text or the local reason; e-mail addresses are removed so
    /// the error can be logged (no personal data in logs).
    public let detail: String

    public var isTransient: Bool { disposition == .transient }

    public init(_ disposition: Disposition, stage: Stage, replyCode: Int? = nil, detail: String) {
        self.disposition = disposition
        self.stage = stage
        self.replyCode = replyCode
        self.detail = Self.redactingAddresses(detail)
    }

    public var description: String {
        let code = replyCode.map { " \($0)" } ?? ""
        return "SMTP \(disposition) failure at \(stage.rawValue)\(code): \(detail)"
    }

    /// 4xx means "not now", everything else that is not success means "never".
    static func reply(_ reply: SMTPReply, stage: Stage) -> SMTPError {
        let disposition: Disposition = (400..<500).contains(reply.code) ? .transient : .permanent
        return SMTPError(disposition, stage: stage, replyCode: reply.code, detail: reply.text)
    }

    static func transport(_ error: any Error, stage: Stage) -> SMTPError {
        if let error = error as? SMTPError { return error }
        return SMTPError(.transient, stage: stage, detail: String(describing: error))
    }

    /// Servers echo the rejected address ("550 <a@b>: unknown user").
    static func redactingAddresses(_ text: String) -> String {
        text.split(separator: " ", omittingEmptySubsequences: false)
            .map { $0.contains("@") ? "[address]" : String($0) }
            .joined(separator: " ")
    }
}
