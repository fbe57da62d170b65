import NIOCore

/// The DATA payload (RFC 5321 §4.5.2): every line that starts with `.` gets
/// a second one, so a line holding a lone `.` in the text cannot end the
/// message early; bare LF becomes CRLF; the payload ends with `CRLF.CRLF`.
enum DotStuffing {
    static func payload(_ message: [UInt8]) -> ByteBuffer {
        let cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n"), dot = UInt8(ascii: ".")
        var out = ByteBuffer()
        out.reserveCapacity(message.count + message.count / 64 + 8)
        var atLineStart = true
        var previous: UInt8 = 0
        for octet in message {
            if atLineStart && octet == dot { out.writeInteger(dot) }
            if octet == lf && previous != cr { out.writeInteger(cr) }
            out.writeInteger(octet)
            atLineStart = octet == lf
            previous = octet
        }
        if !atLineStart { out.writeBytes([cr, lf]) }
        out.writeBytes([dot, cr, lf])
        return out
    }
}
