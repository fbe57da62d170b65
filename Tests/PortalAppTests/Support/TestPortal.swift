import Fluent
import Foundation
import PortalDomain
import SQLKit
import Testing
import VaporTesting
@testable import PortalApp

/// The two databases every database test runs on.
enum TestDatabase: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite, postgres
    var testDescription: String { rawValue }
}

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
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("portal-test-\(UUID().uuidString)")
    var env = [
        "PORTAL_DATA_DIR": directory.path,
        "PORTAL_RESOURCES_DIR": packageRoot.path,
        "PORTAL_SEED_DEMO": "true",
        "PORTAL_DEV_EID": "true",
        "PORTAL_BACKOFFICE_PORT": "0",
        "PORTAL_SIGNIN_RATE_LIMIT": "1000",
        "PORTAL_WORKER": "false",
    ]
    env.merge(extra) { _, new in new }
    var configuration = try PortalConfiguration.fromEnvironment(env, mode: .testing)
    let schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
    if database == .postgres {
        configuration.database = .postgres(url: try postgresURL(), searchPath: String(schema))
    }
    let clock = TestClock(testStart)
    let app = try await makeApplication(configuration: configuration, clock: clock, arguments: ["portal", "serve"])
    do {
        if database == .postgres {
            try await (app.db as! any SQLDatabase).raw("CREATE SCHEMA IF NOT EXISTS \(unsafeRaw: String(schema))").run()
        }
        try await app.asyncBoot()
        try await body(app, clock)
    } catch {
        await cleanUp(app, database, schema: String(schema), directory: directory)
        throw error
    }
    await cleanUp(app, database, schema: String(schema), directory: directory)
}

private func cleanUp(_ app: Application, _ database: TestDatabase, schema: String, directory: URL) async {
    if database == .postgres {
        try? await (app.db as! any SQLDatabase).raw("DROP SCHEMA IF EXISTS \(unsafeRaw: schema) CASCADE").run()
    }
    try? await app.asyncShutdown()
    try? FileManager.default.removeItem(at: directory)
}

struct MissingPostgres: Error, CustomStringConvertible {
    var description: String {
        "PORTAL_TEST_POSTGRES_URL is not set: run the tests with scripts/test, which starts a throwaway PostgreSQL."
    }
}

func postgresURL() throws -> String {
    guard let url = ProcessInfo.processInfo.environment["PORTAL_TEST_POSTGRES_URL"], !url.isEmpty else { throw MissingPostgres() }
    return url
}
