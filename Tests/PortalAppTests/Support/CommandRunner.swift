import ConsoleKit
import Vapor
@testable import PortalApp

/// Runs a `portal` command in the test's application and returns what it
/// printed, exactly as it would reach an operator's terminal.
func runCommand(_ app: Application, _ arguments: [String]) async throws -> String {
    let console = CapturingConsole()
    var context = CommandContext(console: console, input: CommandInput(arguments: ["portal"] + arguments))
    context.application = app
    try await console.run(app.asyncCommands.group(), with: context)
    return console.text
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
