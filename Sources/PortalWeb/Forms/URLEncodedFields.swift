import NIOCore

/// An `application/x-www-form-urlencoded` body read field by field, so one
/// field that is not valid UTF-8 is that field's problem, not a refused
/// request: the member's other answers stay (Vapor's decoder gives up on the
/// whole body). Names that are not valid UTF-8 are dropped, a repeated name
/// keeps its first value.
package struct URLEncodedFields: Sendable, Equatable {
    /// Field name to its text; nil when the value's bytes are not UTF-8.
    package let values: [String: String?]

    package init(_ body: ByteBuffer?) {
        var values: [String: String?] = [:]
        let bytes = body.map { Array($0.readableBytesView) } ?? []
        for pair in bytes.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.text(Self.decode(parts[0])), values[name] == nil else { continue }
            values[name] = .some(parts.count > 1 ? Self.text(Self.decode(parts[1])) : "")
        }
        self.values = values
    }

    package subscript(name: String) -> String? {
        values[name] ?? nil
    }

    /// Names whose value could not be read as text.
    package var unreadable: [String] {
        values.filter { $0.value == nil }.map(\.key).sorted()
    }

    private static func text(_ bytes: [UInt8]) -> String? {
        String(validating: bytes, as: UTF8.self)
    }

    /// `+` is a space; `%XX` a byte; a `%` not followed by two hex digits stays as it is.
    private static func decode(_ input: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var index = input.startIndex
        while index < input.endIndex {
            let byte = input[index]
            if byte == UInt8(ascii: "+") {
                output.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), index + 2 < input.endIndex,
                      let high = hex(input[index + 1]), let low = hex(input[index + 2]) {
                output.append(high << 4 | low)
                index += 2
            } else {
                output.append(byte)
            }
            index += 1
        }
        return output
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
