import Foundation

/// A member number as the fund writes it: digits, a slash, two digits (`99999/01`).
public struct MemberNumber: Hashable, Sendable, CustomStringConvertible, Codable {
    public let value: String

    public enum ParseError: Error, Equatable, Sendable {
        case empty
        /// Anything but digits, one slash and two digits (after trimming spaces).
        case wrongFormat
    }

    /// Parses user or import input. Surrounding whitespace is tolerated because
    /// people paste numbers from letters; everything else must match exactly,
    /// so that the message can name the one expected format.
    public init(parsing input: String) throws(ParseError) {
        let trimmed = input.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .empty }
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2,
              let head = parts.first, (1...10).contains(head.count), head.allSatisfy(\.isASCIIDigit),
              let tail = parts.last, tail.count == 2, tail.allSatisfy(\.isASCIIDigit)
        else { throw .wrongFormat }
        value = trimmed
    }

    public var description: String { value }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do { try self.init(parsing: text) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a member number"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
