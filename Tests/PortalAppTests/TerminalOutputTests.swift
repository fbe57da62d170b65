import Fluent
import Foundation
import Testing
import VaporTesting
@testable import PortalApp
@testable import PortalCore
@testable import PortalWeb
@testable import PortalMember
@testable import PortalBackOffice

@Suite("Member text reaches operators' terminals with controls made visible")
struct TerminalOutputTests {
    /// Stored directly: the contact form now refuses controls, but rows from
    /// before that must still print safely. No NUL here: PostgreSQL refuses
    /// it and SQLite's driver returns text only up to it; the NUL case goes
    /// through the same printing code below.
    static func storeHostileMessage(_ app: Application, at now: Date) async throws -> String {
        let erika = try #require(try await Member.query(on: app.db).filter(\.$memberNumber == "10001/01").first())
        let message = ContactMessage()
        message.id = UUID()
        message.memberID = try erika.requireID()
        message.topic = .question
        message.text = "Hallo \u{1B}[31mrot\u{07} und versteckt"
        message.state = .new
        message.createdAt = now
        try await message.create(on: app.db)
        return message.id!.uuidString
    }

    static func hasRawControls(_ output: String) -> Bool {
        output.unicodeScalars.contains { $0 != "\n" && TerminalText.isControl($0) }
    }

    @Test(arguments: TestDatabase.allCases)
    func contactShowAndListPrintEscapesNotControls(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            let id = try await Self.storeHostileMessage(app, at: clock.now())
            let shown = try await runCommand(app, ["contact", "show", id, "--operator", "test"])
            let listed = try await runCommand(app, ["contact", "list", "--operator", "test"])
            for output in [shown, listed] {
                #expect(!Self.hasRawControls(output))
                #expect(output.contains("\\x1B[31mrot\\x07"))
                #expect(output.contains("und versteckt"))
            }
        }
    }

    @Test
    func aNulInAMessageHidesNothingOnTheTerminal() {
        let message = ContactMessage()
        message.topic = .question
        message.state = .new
        message.createdAt = testStart
        message.text = "Hallo \u{1B}[31mrot\u{07} und\u{0}versteckt\nZeile 2"
        let console = CapturingConsole()
        ContactCommand.Show.print(message, memberNumber: "10001/01", to: console)
        #expect(!Self.hasRawControls(console.text))
        #expect(console.text.hasSuffix("Hallo \\x1B[31mrot\\x07 und\\x00versteckt\nZeile 2\n"))
    }

    @Test
    func escapeCoversC0DelC1AndBidiButKeepsLineBreaksWhenAsked() {
        #expect(TerminalText.escape("a\u{1B}[31mb\u{07}c\u{0}d") == "a\\x1B[31mb\\x07c\\x00d")
        #expect(TerminalText.escape("x\u{7F}\u{9B}2J\u{202E}y") == "x\\x7F\\x9B2J\\u{202E}y")
        #expect(TerminalText.escape("zwei\nZeilen\r") == "zwei\\x0AZeilen\\x0D")
        #expect(TerminalText.escape("zwei\nZeilen\r", keepingLineBreaks: true) == "zwei\nZeilen\\x0D")
        #expect(TerminalText.escape("Grüße, 99999/01 – ok") == "Grüße, 99999/01 – ok")
    }

    @Test
    func anImportEchoesNoRawKeys() async throws {
        try await withPortal(.sqlite) { app, _ in
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("import-\(UUID()).jsonl")
            try Data(#"{"\u001b]0;pwned\u0007\u001b[2J": [1]}"#.utf8 + [0x0A]).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            let (output, error) = await runCommandReportingFailure(app, ["import", "members", file.path, "--operator", "test"])
            #expect(error != nil, "the line is rejected")
            #expect(output.contains("line 1"))
            #expect(output.contains("\\x1B]0;pwned\\x07\\x1B[2J"))
            #expect(!Self.hasRawControls(output))
        }
    }
}
