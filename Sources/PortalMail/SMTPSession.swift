import Logging
import NIOCore
import NIOSSL

/// The command dialogue of one delivery on an open connection.
struct SMTPSession: Sendable {
    let connection: SMTPConnection
    let configuration: SMTPConfiguration
    let logger: Logger

    private var commandTimeout: TimeAmount { configuration.timeouts.command.timeAmount }

    func deliver(from: MailAddress, to recipients: [MailAddress], data: [UInt8], tls: NIOSSLContext?) async throws(SMTPError) {
        try await expect(nil, stage: .greeting, codes: [220])
        var capabilities = try await hello()
        if configuration.security == .startTLS, let tls {
            guard capabilities.startTLS else {
                throw SMTPError(.permanent, stage: .startTLS, detail: "server does not offer STARTTLS")
            }
            try await expect("STARTTLS", stage: .startTLS, codes: [220])
            do {
                try await connection.startTLS(context: tls, host: configuration.host)
            } catch {
                throw SMTPError.transport(error, stage: .startTLS)
            }
            // RFC 3207 §4.2: forget what the server said before TLS and ask again.
            capabilities = try await hello()
        }
        if let credentials = configuration.credentials {
            try await authenticate(credentials, capabilities: capabilities)
        }
        try await expect("MAIL FROM:<\(from.address)>", stage: .mailFrom, codes: [250])
        for recipient in recipients {
            try await expect("RCPT TO:<\(recipient.address)>", stage: .recipient, codes: [250, 251])
        }
        try await expect("DATA", stage: .data, codes: [354])
        try await expect(DotStuffing.payload(data), stage: .message, codes: [250],
                         timeout: configuration.timeouts.messageAccepted.timeAmount)
        logger.debug("smtp message accepted")
        // The message is accepted now: a failed QUIT must not fail the send,
        // or the outbox would retry and deliver a second copy.
        _ = try? await connection.reply(to: "QUIT", timeout: commandTimeout)
    }

    /// EHLO, or HELO for a server that predates ESMTP (RFC 5321 §3.2).
    private func hello() async throws(SMTPError) -> SMTPCapabilities {
        let reply = try await send("EHLO \(configuration.heloName)", stage: .hello)
        if reply.code == 250 { return SMTPCapabilities(ehloReply: reply) }
        if (500...504).contains(reply.code) || reply.code == 550 {
            try await expect("HELO \(configuration.heloName)", stage: .hello, codes: [250])
            return SMTPCapabilities()
        }
        throw SMTPError.reply(reply, stage: .hello)
    }

    @discardableResult
    func expect(_ line: String?, stage: SMTPError.Stage, codes: Set<Int>) async throws(SMTPError) -> SMTPReply {
        let reply = try await send(line, stage: stage)
        guard codes.contains(reply.code) else { throw SMTPError.reply(reply, stage: stage) }
        return reply
    }

    private func expect(_ bytes: ByteBuffer, stage: SMTPError.Stage, codes: Set<Int>, timeout: TimeAmount) async throws(SMTPError) {
        let reply: SMTPReply
        do {
            reply = try await connection.exchange(bytes, timeout: timeout)
        } catch {
            throw SMTPError.transport(error, stage: stage)
        }
        logger.debug("smtp reply", metadata: ["stage": "\(stage.rawValue)", "code": "\(reply.code)"])
        guard codes.contains(reply.code) else { throw SMTPError.reply(reply, stage: stage) }
    }

    /// Reply codes and stages only are logged: the server's text may echo addresses.
    private func send(_ line: String?, stage: SMTPError.Stage) async throws(SMTPError) -> SMTPReply {
        do {
            let reply = try await connection.reply(to: line, timeout: commandTimeout)
            logger.debug("smtp reply", metadata: ["stage": "\(stage.rawValue)", "code": "\(reply.code)"])
            return reply
        } catch {
            throw SMTPError.transport(error, stage: stage)
        }
    }
}
