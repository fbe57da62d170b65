import Foundation

extension FormAnswers {
    /// The answers as canonical JSON: one object, keys sorted by their UTF-8
    /// bytes, no insignificant whitespace, strings in NFC with only the
    /// escapes JSON requires, amounts as integer cents, dates as ISO strings.
    /// The submission's SHA-256 is taken over these bytes, so the same answers
    /// must give the same bytes on every run and platform.
    public var canonicalJSON: String {
        let keys = values.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        let members = keys.map { key in Self.jsonString(key) + ":" + Self.jsonValue(values[key]!) }
        return "{" + members.joined(separator: ",") + "}"
    }

    static func jsonValue(_ value: FormValue) -> String {
        switch value {
        case .money(let cents): String(cents)
        case .number(let number): String(number)
        case .yesNo(let flag): flag ? "true" : "false"
        default: jsonString(value.canonicalText)
        }
    }

    static func jsonString(_ text: String) -> String {
        var result = "\""
        for scalar in text.precomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{08}": result += "\\b"
            case "\u{0C}": result += "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
