import Fluent
import Foundation
import PortalDomain
import Testing
import VaporTesting
@testable import PortalApp
@testable import PortalCore

/// `portal applications list|export`: what the core system gets, and what an operator is told when it cannot.
@Suite("Applications command")
struct ApplicationsCommandTests {
    @Test(arguments: TestDatabase.allCases)
    func listAndExportGiveTheBindingPDFAndTheDataAsSentAndAreAudited(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            let (submission, _) = try await ApplicationFilingTests.send(ChangeOfAddress.definition, ApplicationFilingTests.address, app, clock)
            let out = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: out) }

            let pending = await runCommandReportingFailure(app, ["applications", "export", submission.reference, "--out", out.path, "--operator", "m.schulz"])
            #expect("\(pending.error.map { "\($0)" } ?? "")".contains("has no PDF yet"))
            _ = try await runDueJobs(app)

            let listed = try await runCommand(app, ["applications", "list", "--since", "2026-03-10", "--type", "changeOfAddress", "--operator", "m.schulz"])
            #expect(listed.contains("\(submission.reference)  10.03.2026 10:00  changeOfAddress  10001/01  pdf-ready"))
            #expect(listed.contains("1 application(s)"))
            #expect(try await runCommand(app, ["applications", "list", "--since", "2026-03-11", "--operator", "m.schulz"]).contains("0 application(s)"))

            _ = try await runCommand(app, ["applications", "export", try submission.requireID().uuidString, "--out", out.path, "--operator", "m.schulz"])
            let json = try Data(contentsOf: out.appendingPathComponent("\(submission.reference).json"))
            #expect(Array(json) == Array(submission.answersJSON.utf8))
            let pdf = try Data(contentsOf: out.appendingPathComponent("\(submission.reference).pdf"))
            #expect(pdf.starts(with: Array("%PDF-".utf8)))
            let meta = try JSONDecoder().decode([String: String].self, from: Data(contentsOf: out.appendingPathComponent("\(submission.reference).meta.json")))
            #expect(meta["sha256"] == submission.sha256)
            #expect(meta["memberNumber"] == "10001/01")
            #expect(meta["levelOfAssurance"] == "high")

            let reads = try await AuditEntry.query(on: app.db).filter(\.$action ~~ ["application.list", "application.export"]).all()
            #expect(reads.count == 3)
            #expect(Set(reads.map(\.actor)) == ["operator:m.schulz"])
        }
    }

    @Test
    func anUnknownApplicationABadDayAndAnUnwritableDirectoryAreClearErrors() async throws {
        try await withPortal(.sqlite) { app, clock in
            let unknown = await runCommandReportingFailure(app, ["applications", "export", "A-2026-XXXX-XXXX", "--out", "/tmp", "--operator", "m.schulz"])
            #expect("\(unknown.error.map { "\($0)" } ?? "")".contains("no application 'A-2026-XXXX-XXXX'"))
            let day = await runCommandReportingFailure(app, ["applications", "list", "--since", "10.03.2026", "--operator", "m.schulz"])
            #expect("\(day.error.map { "\($0)" } ?? "")".contains("YYYY-MM-DD"))
            let (submission, _) = try await ApplicationFilingTests.send(ChangeOfAddress.definition, ApplicationFilingTests.address, app, clock)
            _ = try await runDueJobs(app)
            let unwritable = await runCommandReportingFailure(app, ["applications", "export", submission.reference, "--out", "/nonexistent/dir", "--operator", "m.schulz"])
            #expect("\(unwritable.error.map { "\($0)" } ?? "")".contains("cannot write into /nonexistent/dir"))
        }
    }
}
