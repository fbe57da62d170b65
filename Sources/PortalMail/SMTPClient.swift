import Logging
import NIOCore
import NIOPosix
import NIOSSL

/// Delivers one message per connection to an SMTP relay (RFC 5321), with
/// STARTTLS (RFC 3207) or implicit TLS (RFC 8314) and AUTH (RFC 4954).
/// Every failure is an `SMTPError` that says whether to retry.
public struct SMTPClient: Sendable {
    public let configuration: SMTPConfiguration
    private let group: any EventLoopGroup
    private let logger: Logger

    public init(
        configuration: SMTPConfiguration,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        logger: Logger = Logger(label: "portal.mail.smtp")
    ) {
        self.configuration = configuration
        self.group = eventLoopGroup
        self.logger = logger
    }

    /// Renders `message` with `MIMEBuilder` and delivers it to all its recipients.
    public func send(_ message: MailMessage) async throws(SMTPError) {
        try await send(from: message.from, to: message.to, data: MIMEBuilder().build(message))
    }

    /// Delivers `data` (RFC 5322 octets with CRLF line breaks) in one transaction.
    /// Succeeds only when the server accepted the message for every recipient.
    public func send(from: MailAddress, to recipients: [MailAddress], data: [UInt8]) async throws(SMTPError) {
        let tls = try makeTLSContext()
        try checkConfiguration()
        let session: SMTPSession
        do {
            let connection = try await SMTPConnection.open(
                host: configuration.host, port: configuration.port,
                tls: configuration.security == .implicitTLS ? tls : nil,
                connectTimeout: configuration.timeouts.connect.timeAmount, group: group)
            session = SMTPSession(connection: connection, configuration: configuration, logger: logger)
        } catch {
            logger.debug("smtp connect failed", metadata: ["error": "\(type(of: error))"])
            throw SMTPError.transport(error, stage: .connect)
        }
        do {
            try await session.deliver(from: from, to: recipients, data: data, tls: tls)
        } catch {
            await session.connection.close()
            throw error
        }
        await session.connection.close()
    }

    private func makeTLSContext() throws(SMTPError) -> NIOSSLContext? {
        guard configuration.security != .none else { return nil }
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.minimumTLSVersion = .tlsv12
        do {
            if case .trustedCertificateAuthorityPEM(let pem) = configuration.tlsVerification {
                tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMBytes(Array(pem.utf8)))
            }
            return try NIOSSLContext(configuration: tls)
        } catch {
            throw SMTPError(.permanent, stage: .configuration, detail: "TLS set-up failed: \(error)")
        }
    }

    private func checkConfiguration() throws(SMTPError) {
        // A password over plain TCP can be read by anyone on the path.
        if configuration.credentials != nil, configuration.security == .none {
            throw SMTPError(.permanent, stage: .configuration,
                            detail: "credentials are only sent over TLS; choose startTLS or implicitTLS")
        }
        let name = configuration.heloName.utf8
        let allowed = name.allSatisfy { $0 > 0x20 && $0 < 0x7F }
        if name.isEmpty || !allowed {
            throw SMTPError(.permanent, stage: .configuration, detail: "invalid HELO name")
        }
    }
}
