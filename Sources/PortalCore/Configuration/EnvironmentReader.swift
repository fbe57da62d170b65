import Foundation
import Logging
import PortalDomain
import PortalMail

/// Parses typed values out of environment variables and collects every
/// problem, so that an operator sees all mistakes at once, not one per start.
package struct EnvironmentReader {
    package let env: [String: String]
    package var problems: [String] = []

    package init(env: [String: String]) { self.env = env }

    package mutating func int(_ name: String, default value: Int, range: ClosedRange<Int>) -> Int {
        guard let text = env[name], !text.isEmpty else { return value }
        guard let number = Int(text.trimmingCharacters(in: .whitespaces)), range.contains(number) else {
            problems.append("\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound), got '\(text)'.")
            return value
        }
        return number
    }

    package mutating func bool(_ name: String, default value: Bool) -> Bool {
        guard let text = env[name]?.lowercased(), !text.isEmpty else { return value }
        switch text {
        case "1", "true", "yes", "on": return true
        case "0", "false", "no", "off": return false
        default:
            problems.append("\(name) must be true or false, got '\(text)'.")
            return value
        }
    }

    /// A secret: base64 of at least `minBytes` random bytes. Plain text is
    /// refused: a passphrase has far less entropy than its length suggests.
    package mutating func secret(_ name: String, minBytes: Int, fallback: [UInt8]?) -> [UInt8]? {
        guard let text = env[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else {
            if fallback == nil { problems.append("\(name) is missing; it must hold at least \(minBytes) random bytes (base64).") }
            return fallback
        }
        guard let data = Data(base64Encoded: text) else {
            problems.append("\(name) must be base64 of at least \(minBytes) random bytes (e.g. `openssl rand -base64 48`), not plain text.")
            return fallback
        }
        let bytes = Array(data)
        guard bytes.count >= minBytes else {
            problems.append("\(name) is too short: it needs at least \(minBytes) bytes, got \(bytes.count).")
            return fallback
        }
        return bytes
    }

    /// One of a fixed set of words; anything else is reported, not guessed.
    package mutating func choice(_ name: String, default value: String, allowed: [String]) -> String {
        guard let text = env[name], !text.isEmpty else { return value }
        guard allowed.contains(text) else {
            problems.append("\(name) must be one of \(allowed.joined(separator: ", ")), got '\(text)'.")
            return value
        }
        return text
    }

    /// One case of a fixed enumeration, spelt exactly as its raw value.
    package mutating func choice<Value: RawRepresentable & CaseIterable>(_ name: String, default value: Value) -> Value
    where Value.RawValue == String {
        let word = choice(name, default: value.rawValue, allowed: Value.allCases.map(\.rawValue))
        return Value(rawValue: word) ?? value
    }

    /// Free text that, when set, must not be blank.
    package mutating func text(_ name: String, default value: String) -> String {
        guard let text = env[name] else { return value }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            problems.append("\(name) is set but empty; leave it unset for the default (\(value)) or give a value.")
            return value
        }
        return text
    }

    /// Free text with no default (nil when unset or empty).
    package func optionalText(_ name: String) -> String? {
        env[name].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// A host name or an IP address to bind to or connect to.
    package mutating func host(_ name: String, default value: String?) -> String? {
        guard let text = optionalText(name) else { return value }
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:_")
        guard text.allSatisfy(allowed.contains), text.first != "-" else {
            problems.append("\(name) must be a host name or an IP address (letters, digits, '.', '-', ':'), got '\(text)'.")
            return value
        }
        return text
    }

    /// An e-mail address the mail library accepts (checked when set; the default is built by the caller).
    package mutating func mailAddress(_ name: String, default value: String) -> String {
        guard let text = optionalText(name) else { return value }
        guard (try? MailAddress(text)) != nil else {
            problems.append("\(name) must be one e-mail address such as portal@versorgungswerk.example, got '\(text)'.")
            return value
        }
        return text
    }

    /// A folder with the files the portal needs in it (PORTAL_RESOURCES_DIR,
    /// PORTAL_FONT_DIR). The default is checked only when `checkDefault` says so:
    /// a developer's machine without fonts still starts (DocumentRendering).
    package mutating func directory(_ name: String, default path: String, relativeTo base: URL,
                            mustContain entries: [String], checkDefault: Bool = false) -> URL {
        let given = optionalText(name)
        let url = URL(fileURLWithPath: given ?? path, relativeTo: base).standardizedFileURL
        guard given != nil || checkDefault else { return url }
        let missing = entries.filter { !FileManager.default.fileExists(atPath: url.appendingPathComponent($0).path) }
        if !missing.isEmpty {
            problems.append("\(name): the folder \(url.path) does not contain \(missing.joined(separator: ", ")).")
        }
        return url
    }

    /// LOG_LEVEL is read by Vapor, which falls back to its default silently on a typo.
    package mutating func checkLogLevel() {
        guard let text = env["LOG_LEVEL"], !text.isEmpty, Logger.Level(text) == nil else { return }
        problems.append("LOG_LEVEL must be one of \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")), got '\(text)'.")
    }

    /// A whole number that has no default (nil when the variable is not set).
    package mutating func optionalInt(_ name: String, range: ClosedRange<Int>) -> Int? {
        guard let text = env[name], !text.isEmpty else { return nil }
        return int(name, default: range.lowerBound, range: range)
    }

    /// An AES-256 key: exactly 32 bytes, base64-encoded.
    package mutating func key32(_ name: String, fallback: [UInt8]?) -> [UInt8]? {
        guard let text = env[name], !text.isEmpty else {
            if fallback == nil { problems.append("\(name) is missing; it must be 32 random bytes, base64-encoded.") }
            return fallback
        }
        guard let data = Data(base64Encoded: text), data.count == 32 else {
            problems.append("\(name) must be exactly 32 bytes, base64-encoded (e.g. `openssl rand -base64 32`).")
            return fallback
        }
        return Array(data)
    }

    package mutating func maintenanceWindow(_ name: String) -> MaintenanceWindow {
        guard let text = env[name], !text.isEmpty else { return .standard }
        guard let window = MaintenanceWindow(text) else {
            problems.append("\(name) must look like 03:00-05:00 (Europe/Berlin), got '\(text)'.")
            return .standard
        }
        return window
    }

    package mutating func readableFile(_ name: String) -> String? {
        guard let path = env[name], !path.isEmpty else { return nil }
        guard FileManager.default.isReadableFile(atPath: path) else {
            problems.append("\(name) names a file that cannot be read: \(path)")
            return nil
        }
        return path
    }
}
