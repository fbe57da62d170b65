import ConsoleKit
import Vapor
@testable import PortalApp
@testable import PortalCore
@testable import PortalWeb
@testable import PortalMember
@testable import PortalBackOffice

/// Runs a `portal` command in the test's application and returns what it
/// printed, exactly as it would reach an operator's terminal.
func runCommand(_ app: Application, _ arguments: [String]) async throws -> String {
    let (output, error) = await runCommandReportingFailure(app, arguments)
    if let error { throw error }
    return output
}

/// For commands that print and then exit non-zero (an import with rejected lines).
func runCommandReportingFailure(_ app: Application, _ arguments: [String]) async -> (output: String, error: (any Error)?) {
    let console = CapturingConsole()
    var context = CommandContext(console: console, input: CommandInput(arguments: ["portal"] + arguments))
    context.application = app
    do {
        try await console.run(app.asyncCommands.group(), with: context)
        return (console.text, nil)
    } catch {
        return (console.text, error)
    }
}

final class CapturingConsole: Console, @unchecked Sendable {
    // @unchecked: one command writes to it at a time, and the test reads it afterwards.
    var text = ""
    var userInfo: [AnySendableHashable: any Sendable] = [:]
    var size: (width: Int, height: Int) { (200, 50) }
    func input(isSecure: Bool) -> String { "" }
    func output(_ output: ConsoleText, newLine: Bool) {
        text += output.fragments.map(\.string).joined() + (newLine ? "\n" : "")
    }
    func clear(_ type: ConsoleClear) {}
    func report(error: String, newLine: Bool) { text += error + (newLine ? "\n" : "") }
}
