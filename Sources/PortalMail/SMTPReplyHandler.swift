import NIOCore

/// Splits the server's bytes into replies and hands each one to the single
/// waiting command. SMTP without PIPELINING is strictly one reply per
/// command, so one pending promise is all the state a session needs.
/// Lives on the channel's event loop and is touched only there.
final class SMTPReplyHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    /// RFC 5321 §4.5.3.1.5: a reply line is at most 512 octets; we allow more
    /// but not unbounded memory for a server that never sends a line break.
    static let maxLineLength = 4096
    static let maxLinesPerReply = 200

    private var context: ChannelHandlerContext?
    private var received = ByteBuffer()
    private var lines: [String] = []
    private var replies: [SMTPReply] = []
    private var pending: EventLoopPromise<SMTPReply>?
    private var timer: Scheduled<Void>?
    private var failure: (any Error)?

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        fail(ChannelError.ioOnClosedChannel)
        self.context = nil
    }

    /// Sends `command` (if any) and completes `promise` with the next reply,
    /// or with `SMTPTimeout` after `timeout`, closing the connection then.
    func exchange(_ command: ByteBuffer?, timeout: TimeAmount, promise: EventLoopPromise<SMTPReply>) {
        // A reply that came before the server hung up (a 421 greeting) still counts.
        if command == nil, !replies.isEmpty {
            pending = promise
            deliver()
            return
        }
        guard let context, failure == nil else {
            promise.fail(failure ?? ChannelError.ioOnClosedChannel)
            return
        }
        pending = promise
        if let command { context.writeAndFlush(wrapOutboundOut(command), promise: nil) }
        let bound = NIOLoopBound(self, eventLoop: context.eventLoop)
        timer = context.eventLoop.scheduleTask(in: timeout) {
            bound.value.fail(SMTPTimeout())
            bound.value.context?.close(promise: nil)
        }
        deliver()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var bytes = unwrapInboundIn(data)
        received.writeBuffer(&bytes)
        do {
            while let line = try nextLine() { try consume(line) }
        } catch {
            fail(error)
            context.close(promise: nil)
        }
        deliver()
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(SMTPConnectionClosed())
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(error)
        context.close(promise: nil)
    }

    private func nextLine() throws -> String? {
        let view = received.readableBytesView
        guard let newline = view.firstIndex(of: UInt8(ascii: "\n")) else {
            if view.count > Self.maxLineLength { throw SMTPProtocolViolation(reason: "reply line too long") }
            return nil
        }
        let length = newline - view.startIndex
        guard var line = received.readString(length: length) else { return nil }
        received.moveReaderIndex(forwardBy: 1)
        received.discardReadBytes()
        if line.hasSuffix("\r") { line.removeLast() }
        return line
    }

    /// `250-text` continues a reply, `250 text` or a bare `250` ends it.
    private func consume(_ line: String) throws {
        let utf8 = Array(line.utf8)
        guard utf8.count >= 3, let code = Int(String(decoding: utf8[0..<3], as: UTF8.self)),
              (200...599).contains(code), lines.count < Self.maxLinesPerReply
        else { throw SMTPProtocolViolation(reason: "malformed reply") }
        let isContinuation = utf8.count > 3 && utf8[3] == UInt8(ascii: "-")
        lines.append(utf8.count > 4 ? String(decoding: utf8[4...], as: UTF8.self) : "")
        if !isContinuation {
            replies.append(SMTPReply(code: code, lines: lines))
            lines = []
        }
    }

    private func deliver() {
        guard let promise = pending, !replies.isEmpty else { return }
        pending = nil
        timer?.cancel()
        promise.succeed(replies.removeFirst())
    }

    private func fail(_ error: any Error) {
        if failure == nil { failure = error }
        timer?.cancel()
        let promise = pending
        pending = nil
        promise?.fail(error)
    }
}

struct SMTPTimeout: Error, CustomStringConvertible {
    var description: String { "no reply in time" }
}

struct SMTPConnectionClosed: Error, CustomStringConvertible {
    var description: String { "connection closed by the server" }
}

struct SMTPProtocolViolation: Error, CustomStringConvertible {
    let reason: String
    var description: String { "protocol violation: \(reason)" }
}
