import Foundation
import PortalCore
import PortalWeb
import PortalMember
import PortalBackOffice

/// Who runs a `portal` command, for the audit trail: staff actions and reads
/// of personal data must name a person, not a shared `operator:cli`.
enum OperatorName {
    static let help = "your name for the audit trail (default: the system user; under sudo, the user who called sudo)"

    struct Invalid: Error, CustomStringConvertible {
        let name: String
        var description: String { "--operator '\(TerminalText.escape(name))' is not a name: use letters, digits, . _ @ - (at most 64)" }
    }

    /// The operator named by `--operator`, else the system user.
    static func actor(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
                      effectiveUID: uid_t = geteuid()) throws -> AuditActor {
        if let option {
            guard isValid(option) else { throw Invalid(name: option) }
            return .operator(name: option)
        }
        return .operator(name: systemUser(environment: environment, effectiveUID: effectiveUID))
    }

    /// sudo runs the command as root, but the person is the one in SUDO_USER
    /// (believed only when running as root: anyone can set the variable);
    /// otherwise the effective user's account name, then $USER.
    static func systemUser(environment: [String: String] = ProcessInfo.processInfo.environment, effectiveUID: uid_t = geteuid()) -> String {
        if effectiveUID == 0, let sudoUser = environment["SUDO_USER"], isValid(sudoUser) { return sudoUser }
        if let entry = getpwuid(effectiveUID), let name = entry.pointee.pw_name.map({ String(cString: $0) }), isValid(name) { return name }
        if let user = environment["USER"], isValid(user) { return user }
        return "uid-\(effectiveUID)"
    }

    /// Narrow on purpose: the name lands in the audit trail and on terminals.
    static func isValid(_ name: String) -> Bool {
        (1...64).contains(name.count) && name.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "._@-".unicodeScalars.contains(scalar))
        }
    }
}
