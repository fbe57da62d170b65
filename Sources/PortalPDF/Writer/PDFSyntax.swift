import Foundation

/// Serialisation of PDF's primitive objects: numbers, strings, names, dates.
enum PDFSyntax {
    /// Up to three decimals, no exponent, no trailing zeros; fast and locale-independent.
    static func number(_ value: Double) -> String {
        let scaled = Int((value * 1000).rounded())
        let sign = scaled < 0 ? "-" : ""
        let magnitude = abs(scaled)
        let whole = magnitude / 1000, fraction = magnitude % 1000
        if fraction == 0 { return sign + String(whole) }
        var digits = String(fraction)
        digits = String(repeating: "0", count: 3 - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return "\(sign)\(whole).\(digits)"
    }

    /// A text string: plain literal for printable ASCII, UTF-16BE with BOM otherwise.
    static func textString(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) {
            var escaped = "("
            for character in text {
                if character == "(" || character == ")" || character == "\\" { escaped.append("\\") }
                escaped.append(character)
            }
            return escaped + ")"
        }
        var hex = "<FEFF"
        for unit in text.utf16 { hex += hex4(unit) }
        return hex + ">"
    }

    static func hex4(_ value: UInt16) -> String {
        var buffer = PDFBytes()
        buffer.hex4(value)
        return String(decoding: buffer.bytes, as: UTF8.self)
    }

    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A name object; bytes outside the regular characters are written as #xx.
    static func name(_ value: String) -> String {
        var result = "/"
        for byte in value.utf8 {
            let regular = (0x21...0x7E).contains(byte) && !"()<>[]{}/%#".utf8.contains(byte)
            result += regular ? String(UnicodeScalar(byte)) : "#" + hex([byte])
        }
        return result
    }

    private static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    private static func components(_ date: Date) -> [Int] {
        let parts = utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return [parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!, parts.second!]
    }

    private static func pad(_ value: Int, _ width: Int = 2) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    /// PDF date in UTC, e.g. D:20261129120000+00'00'.
    static func date(_ date: Date) -> String {
        let c = components(date)
        return "D:" + pad(c[0], 4) + c[1...].map { pad($0) }.joined() + "+00'00'"
    }

    /// XMP (ISO 8601) date in UTC, matching `date(_:)`.
    static func xmpDate(_ date: Date) -> String {
        let c = components(date)
        return "\(pad(c[0], 4))-\(pad(c[1]))-\(pad(c[2]))T\(pad(c[3])):\(pad(c[4])):\(pad(c[5]))+00:00"
    }
}
