import Foundation
import PortalCore
import PortalWeb
import PortalMember
import PortalBackOffice

/// What `portal jobs show` prints of a payload. Operators need the kind and
/// the ids to follow a job; a member's e-mail address or a one-time link
/// (its token confirms an address) is not their business, and a terminal
/// scrollback or a support ticket would keep it.
enum PayloadRedaction {
    static let redacted = "[redacted]"
    /// Keys whose value is a secret whatever it looks like.
    private static let secretKeys = ["token", "link", "code", "secret", "password", "url"]

    static func text(_ payload: Data) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: payload, options: [.fragmentsAllowed]) else {
            return redactingAddresses(String(decoding: payload, as: UTF8.self))
        }
        let cleaned = redact(object, key: nil)
        guard let data = try? JSONSerialization.data(withJSONObject: cleaned, options: [.sortedKeys, .fragmentsAllowed, .withoutEscapingSlashes]) else {
            return redacted
        }
        return String(decoding: data, as: UTF8.self)
    }

    private static func redact(_ value: Any, key: String?) -> Any {
        if let key, secretKeys.contains(where: { key.lowercased().contains($0) }), !(value is NSNull) { return redacted }
        switch value {
        case let dictionary as [String: Any]:
            return dictionary.reduce(into: [String: Any]()) { $0[$1.key] = redact($1.value, key: $1.key) }
        case let array as [Any]:
            return array.map { redact($0, key: key) }
        case let string as String:
            return redactingAddresses(string)
        default:
            return value
        }
    }

    /// Any `local@domain` in free text becomes the marker.
    static func redactingAddresses(_ text: String) -> String {
        text.replacingOccurrences(of: #"[^\s@"'<>,;:]+@[^\s@"'<>,;:]+"#, with: redacted, options: .regularExpression)
    }
}
