import Logging
import NIOCore
import NIOPosix

/// Sends one e-mail. Two implementations: `SMTPMailer` for production,
/// `FileMailer` for development and the embedded default.
///
/// Errors: `SMTPError` says itself whether to retry (`isTransient`);
/// `MailMessageError` and file-system errors are not helped by retrying the
/// same input, except where the file system recovers (disk full).
public protocol Mailer: Sendable {
    func send(_ message: MailMessage) async throws
}

/// Delivers through an SMTP relay, one connection per message.
public struct SMTPMailer: Mailer {
    public let client: SMTPClient

    public init(
        configuration: SMTPConfiguration,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        logger: Logger = Logger(label: "portal.mail.smtp")
    ) {
        self.client = SMTPClient(configuration: configuration, eventLoopGroup: eventLoopGroup, logger: logger)
    }

    public func send(_ message: MailMessage) async throws {
        try await client.send(message)
    }
}
