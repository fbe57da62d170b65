import Foundation
import PortalDomain
import enum PortalJobsTestSupport.ScratchDatabase
import Testing
@testable import PortalApp
@testable import PortalCore
@testable import PortalWeb
@testable import PortalMember
@testable import PortalBackOffice

/// Issue 15: the benchmarks are the separate `portal-bench` executable. The
/// product has no `bench` command, and each benchmark that drives the
/// portal's pages still gets through them (a renamed route or form field
/// would otherwise go unnoticed until the next measurement).
@Suite("Benchmarks in their own executable")
struct BenchBinaryTests {
    @Test func thePortalHasNoBenchCommand() async throws {
        try await withPortal(.sqlite) { app, _ in
            let (output, error) = await runCommandReportingFailure(app, ["bench", "pdf"])
            let failure = try #require(error, "`portal bench pdf` must not run")
            #expect(String(describing: failure).contains("bench"))
            #expect(!output.contains("pdf:"))
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func theCertificatesBenchmarkMeasuresRequestToAvailable(_ db: TestDatabase) async throws {
        let output = try await Self.runBench(["certificates", "--count", "5"], on: db)
        #expect(output.contains("certificates: 5 on \(db.rawValue): p50 "), "\(output)")
    }

    @Test(arguments: TestDatabase.allCases)
    func theDocumentsBenchmarkMeasuresEveryPageShape(_ db: TestDatabase) async throws {
        let output = try await Self.runBench(["documents", "--documents", "1000", "--requests", "20", "--members", "8"], on: db)
        for shape in ["first page", "page 25 of 50", "filtered by year", "filtered by category"] {
            #expect(output.contains("documents: \(shape)"), "\(shape): \(output)")
        }
        #expect(output.contains("documents: all shapes sequential p99 "), "\(output)")
    }

    @Test func thePDFBenchmarkRendersTheSealedSample() async throws {
        let output = try await Self.runBench(["pdf", "--count", "3", "--weasyprint-count", "1"], on: .sqlite)
        #expect(output.contains("pdf: 3 sealed one-page certificates"), "\(output)")
    }

    /// Runs `portal-bench` from a directory of its own; fails unless it exits 0.
    static func runBench(_ arguments: [String], on db: TestDatabase) async throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("portal-bench-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var extra = ["PORTAL_MAINTENANCE_WINDOW": outsideNow()]
        if db == .postgres { extra["PORTAL_BENCH_POSTGRES_URL"] = try ScratchDatabase.postgresURL() }
        let finished = try await RealBinary.run(arguments + (db == .postgres ? ["--postgres"] : []), product: "portal-bench",
                                                environment: RealBinary.environment(dataDirectory: directory, extra),
                                                in: directory, seconds: 300)
        #expect(finished.status == 0, "\(finished.output)")
        return finished.output
    }

    /// A maintenance window that does not contain the next hours, so that the
    /// certificates benchmark never waits for one whenever the test runs.
    static func outsideNow() -> String {
        let hour = Calendar.berlin.component(.hour, from: Date())
        guard hour < 20 else { return "03:00-05:00" }
        return String(format: "%02d:00-%02d:00", hour + 2, hour + 3)
    }
}
