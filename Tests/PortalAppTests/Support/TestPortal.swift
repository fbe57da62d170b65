import Foundation
import PortalDomain
import enum PortalJobsTestSupport.TestBackend
import PortalTestSupport
import VaporTesting
@testable import PortalApp
@testable import PortalCore
@testable import PortalWeb
@testable import PortalMember
@testable import PortalBackOffice

/// The two databases every database test runs on.
typealias TestDatabase = TestBackend

/// The package root, so tests find Resources/ whatever the working directory.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

/// 2026-03-10 10:00 Berlin: a weekday, outside the maintenance window.
let testStart = Date(timeIntervalSince1970: 1_773_133_200)

/// Builds the portal exactly as production does (`makeApplication`), on a fresh
/// SQLite file or a fresh PostgreSQL schema, with demo data and an injected clock.
func withPortal(
    _ database: TestDatabase,
    environment extra: [String: String] = [:],
    _ body: (Application, TestClock) async throws -> Void
) async throws {
    let clock = TestClock(testStart)
    try await withScratchPortal(database, clock: clock) { dataDirectory in
        var environment = [
            "PORTAL_DATA_DIR": dataDirectory.path,
            "PORTAL_RESOURCES_DIR": packageRoot.path,
            "PORTAL_SEED_DEMO": "true",
            "PORTAL_DEV_EID": "true",
            "PORTAL_BACKOFFICE_PORT": "0",
            "PORTAL_SIGNIN_RATE_LIMIT": "1000",
            "PORTAL_WORKER": "false",
        ]
        environment.merge(extra) { _, new in new }
        return try PortalConfiguration.fromEnvironment(environment, mode: .testing)
    } _: { app, _ in
        try await body(app, clock)
    }
}
