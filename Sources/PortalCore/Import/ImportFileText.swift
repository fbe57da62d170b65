import Foundation

/// The text of an export file as funds produce it on Windows: UTF-8 with or
/// without a byte-order mark, or "ANSI" (Windows-1252, what Excel writes for
/// "CSV (Trennzeichen-getrennt)"). Windows-1252 is converted, not refused: a
/// fund's IT should not need a tool to re-encode the core system's export.
package struct ImportFileText {
    package enum Encoding: Equatable { case utf8, windows1252 }

    package struct Problem: Error, CustomStringConvertible {
        package let description: String
    }

    package let text: String
    package let encoding: Encoding

    package init(data: Data) throws(Problem) {
        var bytes = Array(data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw Problem(description: "is UTF-16 (\"Unicode text\"); save it as \"CSV UTF-8\" or Windows-1252 instead")
        }
        if bytes.contains(0) { throw Problem(description: "contains NUL bytes; it is not a text file") }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let text = String(validating: bytes, as: UTF8.self) {
            self.text = text
            encoding = .utf8
            return
        }
        var scalars = String.UnicodeScalarView()
        for (offset, byte) in bytes.enumerated() {
            guard let scalar = Self.windows1252(byte) else {
                throw Problem(description: "is neither UTF-8 nor Windows-1252 (byte 0x\(String(byte, radix: 16, uppercase: true)) at offset \(offset))")
            }
            scalars.append(scalar)
        }
        text = String(scalars)
        encoding = .windows1252
    }

    /// 0x80–0x9F differ from Latin-1 (€, „, “, …); five of them are unassigned.
    private static let high: [UInt32?] = [
        0x20AC, nil, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, nil, 0x017D, nil,
        nil, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, nil, 0x017E, 0x0178,
    ]

    private static func windows1252(_ byte: UInt8) -> Unicode.Scalar? {
        guard (0x80...0x9F).contains(byte) else { return Unicode.Scalar(byte) }
        return high[Int(byte - 0x80)].flatMap(Unicode.Scalar.init)
    }
}
