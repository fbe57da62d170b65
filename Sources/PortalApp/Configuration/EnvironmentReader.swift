import Foundation
import Logging
import PortalDomain

/// Parses typed values out of environment variables and collects every
/// problem, so that an operator sees all mistakes at once, not one per start.
struct EnvironmentReader {
    let env: [String: String]
    var problems: [String] = []

    init(env: [String: String]) { self.env = env }

    mutating func int(_ name: String, default value: Int, range: ClosedRange<Int>) -> Int {
        guard let text = env[name], !text.isEmpty else { return value }
        guard let number = Int(text.trimmingCharacters(in: .whitespaces)), range.contains(number) else {
            problems.append("\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound), got '\(text)'.")
            return value
        }
        return number
    }

    mutating func bool(_ name: String, default value: Bool) -> Bool {
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
    mutating func secret(_ name: String, minBytes: Int, fallback: [UInt8]?) -> [UInt8]? {
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
    mutating func choice(_ name: String, default value: String, allowed: [String]) -> String {
        guard let text = env[name], !text.isEmpty else { return value }
        guard allowed.contains(text) else {
            problems.append("\(name) must be one of \(allowed.joined(separator: ", ")), got '\(text)'.")
            return value
        }
        return text
    }

    /// LOG_LEVEL is read by Vapor, which falls back to its default silently on a typo.
    mutating func checkLogLevel() {
        guard let text = env["LOG_LEVEL"], !text.isEmpty, Logger.Level(text) == nil else { return }
        problems.append("LOG_LEVEL must be one of \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")), got '\(text)'.")
    }

    /// A whole number that has no default (nil when the variable is not set).
    mutating func optionalInt(_ name: String, range: ClosedRange<Int>) -> Int? {
        guard let text = env[name], !text.isEmpty else { return nil }
        return int(name, default: range.lowerBound, range: range)
    }

    /// An AES-256 key: exactly 32 bytes, base64-encoded.
    mutating func key32(_ name: String, fallback: [UInt8]?) -> [UInt8]? {
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

    mutating func maintenanceWindow(_ name: String) -> MaintenanceWindow {
        guard let text = env[name], !text.isEmpty else { return .standard }
        guard let window = MaintenanceWindow(text) else {
            problems.append("\(name) must look like 03:00-05:00 (Europe/Berlin), got '\(text)'.")
            return .standard
        }
        return window
    }

    mutating func readableFile(_ name: String) -> String? {
        guard let path = env[name], !path.isEmpty else { return nil }
        guard FileManager.default.isReadableFile(atPath: path) else {
            problems.append("\(name) names a file that cannot be read: \(path)")
            return nil
        }
        return path
    }
}
