import Fluent
import Foundation
import Testing
import VaporTesting
@testable import PortalApp
@testable import PortalCore
@testable import PortalWeb
@testable import PortalMember
@testable import PortalBackOffice

/// Files as funds export them on Windows: CRLF line ends, a byte-order mark,
/// "ANSI" (Windows-1252) text. A file that yields nothing must never pass
/// as a successful import.
@Suite("Import files from Windows")
struct ImportFileTests {
    static let header = "member_number;family_name;given_names;birth_name;academic_degree;date_of_birth;status;street;postal_code;city;country"
    static let rows = [
        "21001/01;Müller;Jörg;;;1961-05-04;active;Gartenstraße 3;50667;Köln;DE",
        "21002/01;Weiß;Anna;;Dr.;1972-11-30;pensioner;Am Markt 2;48143;Münster;DE",
    ]

    @Test(arguments: TestDatabase.allCases)
    func aCRLFFileImportsEveryLine(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            let text = ([Self.header] + Self.rows).joined(separator: "\r\n") + "\r\n"
            let summary = try await CoreDataImporter(kind: .members, db: app.db, now: clock.now()).run(text: text)
            #expect(summary.lines == 2)
            #expect(summary.imported == 2)
            #expect(summary.rejected.isEmpty, "\(summary.rejected)")
            let city = try await Member.query(on: app.db).filter(\.$memberNumber == "21002/01").first()?.city
            #expect(city == "Münster", "the last field keeps no carriage return")
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func jsonLinesWithAByteOrderMarkAreRecognisedAsJSON(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            let text = "\u{FEFF}{\"member_number\": \"10001/01\", \"year\": 2026, \"month\": 4, \"amount_cents\": 1000}\r\n"
            let summary = try await CoreDataImporter(kind: .contributions, db: app.db, now: clock.now()).run(text: text)
            #expect(summary.imported == 1)
            #expect(summary.rejected.isEmpty, "\(summary.rejected)")
        }
    }

    @Test
    func windows1252IsConvertedAndUTF8WithBOMIsRead() throws {
        let ansi = try ImportFileText(data: Data([0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72, 0x3B, 0x80, 0x3B, 0x84, 0x93, 0xDF]))
        #expect(ansi.encoding == .windows1252)
        #expect(ansi.text == "Müller;€;„“ß")
        let utf8 = try ImportFileText(data: Data([0xEF, 0xBB, 0xBF] + Array("Köln".utf8)))
        #expect(utf8.encoding == .utf8)
        #expect(utf8.text == "Köln")
    }

    @Test
    func utf16AndUndecodableBytesAreRefusedWithAReason() {
        #expect(throws: ImportFileText.Problem.self) { try ImportFileText(data: Data([0xFF, 0xFE, 0x6D, 0x00])) }
        do {
            _ = try ImportFileText(data: Data([0x61, 0x81, 0x62]))
            Issue.record("0x81 is not assigned in Windows-1252")
        } catch {
            #expect(error.description.contains("neither UTF-8 nor Windows-1252"))
        }
    }

    // The command as operators run it: its exit status is what their scripts see.

    @Test(arguments: TestDatabase.allCases)
    func theCommandImportsACRLFWindows1252FileAndSaysSo(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            let text = ([Self.header] + Self.rows).joined(separator: "\r\n") + "\r\n"
            let ansi = Data(text.unicodeScalars.map { UInt8($0.value) })
            let run = try await Self.importFile(ansi, kind: "members", for: app)
            #expect(run.status == 0, "\(run.output)")
            #expect(run.output.contains("2 lines read, 2 imported (2 new, 0 updated), 0 rejected"), "\(run.output)")
            #expect(run.output.contains("Windows-1252"), "\(run.output)")
            let member = try #require(try await Member.query(on: app.db).filter(\.$memberNumber == "21001/01").first())
            #expect(member.familyName == "Müller")
            #expect(member.street == "Gartenstraße 3")
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aFileWithoutRecordsFailsTheCommand(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            for content in [Self.header + "\r\n", "", "\u{FEFF}\r\n\r\n", Self.header + "\r" + Self.rows[0] + "\r"] {
                let run = try await Self.importFile(Data(content.utf8), kind: "members", for: app)
                #expect(run.status != 0, "\(content.debugDescription): \(run.output)")
                #expect(run.output.contains("holds no records"), "\(run.output)")
            }
        }
    }

    /// `portal import KIND FILE` with the real binary against the test's database.
    static func importFile(_ content: Data, kind: String, for app: Application) async throws -> RealBinary.Finished {
        let configuration = app.portal.configuration
        let file = configuration.dataDirectory.appendingPathComponent("export-\(UUID().uuidString).csv")
        try content.write(to: file)
        var extra: [String: String] = [:]
        switch configuration.database {
        case .sqlite(let path): extra["PORTAL_DATABASE_URL"] = path
        case .postgres(let url, let schema):
            extra["PORTAL_DATABASE_URL"] = url
            extra["PORTAL_DATABASE_SCHEMA"] = schema
        case .sqliteInMemory: throw TestFailure("a second process cannot share an in-memory database")
        }
        let environment = RealBinary.environment(dataDirectory: configuration.dataDirectory, extra)
        return try await RealBinary.run(["import", kind, file.path, "--env", "development"], environment: environment,
                                        in: configuration.dataDirectory)
    }
}
