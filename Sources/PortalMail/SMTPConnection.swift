import NIOCore
import NIOPosix
import NIOSSL

/// One TCP (optionally TLS) connection to the relay, speaking in whole
/// replies. Every wait is bounded by a timeout, so a silent server costs a
/// worker at most that long.
final class SMTPConnection: Sendable {
    private let channel: any Channel

    private init(channel: any Channel) {
        self.channel = channel
    }

    static func open(
        host: String, port: Int, tls: NIOSSLContext?, connectTimeout: TimeAmount,
        group: any EventLoopGroup
    ) async throws -> SMTPConnection {
        let serverName = SMTPConnection.serverName(for: host)
        let channel = try await ClientBootstrap(group: group)
            .connectTimeout(connectTimeout)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let tls {
                        let handler = try NIOSSLClientHandler(context: tls, serverHostname: serverName)
                        try channel.pipeline.syncOperations.addHandler(handler)
                    }
                    try channel.pipeline.syncOperations.addHandler(SMTPReplyHandler())
                }
            }
            .connect(host: host, port: port).get()
        return SMTPConnection(channel: channel)
    }

    /// SNI carries host names only; for an IP address NIOSSL checks the
    /// certificate against the address itself.
    static func serverName(for host: String) -> String? {
        (try? SocketAddress(ipAddress: host, port: 0)) == nil ? host : nil
    }

    /// Sends `line` plus CRLF (or nothing, to wait for the greeting) and
    /// returns the next reply, whatever its code.
    func reply(to line: String?, timeout: TimeAmount) async throws -> SMTPReply {
        try await exchange(line.map { ByteBuffer(string: $0 + "\r\n") }, timeout: timeout)
    }

    func exchange(_ bytes: ByteBuffer?, timeout: TimeAmount) async throws -> SMTPReply {
        let channel = self.channel
        let promise = channel.eventLoop.makePromise(of: SMTPReply.self)
        channel.eventLoop.execute {
            // The pipeline loses the handler when the connection closes.
            guard let handler = try? channel.pipeline.syncOperations.handler(type: SMTPReplyHandler.self) else {
                promise.fail(SMTPConnectionClosed())
                return
            }
            handler.exchange(bytes, timeout: timeout, promise: promise)
        }
        return try await promise.futureResult.get()
    }

    /// Puts TLS under the reply handler after the server's 220 to STARTTLS.
    /// NIOSSL holds our next write until the handshake is done, and a failed
    /// handshake reaches the next command as an error.
    func startTLS(context: NIOSSLContext, host: String) async throws {
        let channel = self.channel
        let serverName = Self.serverName(for: host)
        try await channel.eventLoop.submit {
            let handler = try NIOSSLClientHandler(context: context, serverHostname: serverName)
            try channel.pipeline.syncOperations.addHandler(handler, position: .first)
        }.get()
    }

    func close() async {
        try? await channel.close()
    }
}

extension Duration {
    var timeAmount: TimeAmount {
        let (seconds, attoseconds) = components
        return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
