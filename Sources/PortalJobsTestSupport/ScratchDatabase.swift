import Foundation
import Logging
import PostgresKit

/// The two databases every test (and every database benchmark) runs on.
public enum TestBackend: String, Sendable, CaseIterable, CustomStringConvertible {
    case sqlite, postgres
    public var description: String { rawValue }
}

public struct MissingPostgresURL: Error, CustomStringConvertible {
    public let variable: String
    public var description: String {
        "\(variable) is not set: the PostgreSQL half needs a throwaway server, which scripts/test starts for the tests " +
            "and scripts/bench-run for the benchmarks (by hand: `source scripts/lib/postgres.sh; pg_start`, then " +
            "postgres://portal@127.0.0.1:$PG_PORT/portal_test)"
    }
}

/// Fresh, empty storage for one test or benchmark run: a new SQLite file
/// name, or a new schema on the PostgreSQL server that an environment
/// variable names. The queue's tests, the portal's tests (PortalTestSupport)
/// and `portal-bench` all make their databases here, so a run never sees
/// another run's rows.
public enum ScratchDatabase {
    /// The server URL from `variable`; throws when it is not set.
    public static func postgresURL(variable: String = "PORTAL_TEST_POSTGRES_URL") throws -> String {
        guard let url = ProcessInfo.processInfo.environment[variable], !url.isEmpty else {
            throw MissingPostgresURL(variable: variable)
        }
        return url
    }

    /// A path in the temporary directory that no other run uses.
    public static func newSQLitePath(prefix: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString).sqlite").path
    }

    /// Removes a SQLite file with its write-ahead log and shared-memory file.
    public static func removeSQLiteFile(atPath path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// A schema name that no other run uses: `prefix` and 16 hex digits.
    public static func newSchemaName(prefix: String = "t_") -> String {
        prefix + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
    }

    public static func createSchema(_ schema: String, url: String) async throws {
        try await withConnection(url: url) { try await $0.raw("CREATE SCHEMA \(ident: schema)").run() }
    }

    public static func dropSchema(_ schema: String, url: String) async throws {
        try await withConnection(url: url) { try await $0.raw("DROP SCHEMA IF EXISTS \(ident: schema) CASCADE").run() }
    }

    /// One connection of its own, so that creating or dropping a schema does
    /// not depend on the pool of the application or queue under test.
    private static func withConnection(url: String, _ body: (any SQLDatabase) async throws -> Void) async throws {
        let configuration = try SQLPostgresConfiguration(url: url)
        let connection = try await PostgresConnection.connect(
            configuration: configuration.coreConfiguration, id: 1, logger: Logger(label: "portal.scratch-database"))
        do {
            try await body(connection.sql())
        } catch {
            try? await connection.close()
            throw error
        }
        try await connection.close()
    }
}
