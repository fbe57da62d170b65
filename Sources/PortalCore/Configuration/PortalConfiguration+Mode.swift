import Foundation
import Vapor

/// The environment name from `--env`/`-e` or `VAPOR_ENV`, refused unless it is
/// exactly one we know.
///
/// Vapor's own detection turns every unknown name (`staging`, `Production`)
/// into a custom environment that our configuration treated as development:
/// eID simulator, source-code secrets, demo data, no production checks — with
/// an https base URL it looked like a real deployment. So no aliases (`prod`)
/// and no guessing: a wrong name stops the start (SECURITY.md, production row).
public struct UnknownEnvironmentName: Error, CustomStringConvertible, Equatable {
    public let given: String
    public var description: String {
        "Unknown environment '\(given)': use --env development or --env production (lower case; no other names or abbreviations)."
    }
}

extension PortalConfiguration.Mode {
    private struct EnvironmentOption: CommandSignature {
        @Option(name: "env", short: "e", help: "development or production")
        package var name: String?
    }

    /// The mode and the arguments (executable first) without `--env NAME`.
    /// `testing` is refused too: it runs the development setup, and the test
    /// suite builds its applications itself without going through this.
    public static func detect(arguments: [String], variables: [String: String]) throws -> (Self, [String]) {
        var input = CommandInput(arguments: arguments.isEmpty ? ["portal"] : arguments)
        let option = try EnvironmentOption(from: &input).name
        // `--env` with no value after it, or `--env=production` (which the
        // option parser does not read), would otherwise fall back to development.
        if let unread = input.arguments.first(where: { $0 == "--env" || $0 == "-e" || $0.hasPrefix("--env=") }) {
            throw UnknownEnvironmentName(given: unread)
        }
        let remaining = input.executablePath + input.arguments
        switch option ?? variables["VAPOR_ENV"] {
        case nil, "development": return (.development, remaining)
        case "production": return (.production, remaining)
        case let other?: throw UnknownEnvironmentName(given: other)
        }
    }
}
