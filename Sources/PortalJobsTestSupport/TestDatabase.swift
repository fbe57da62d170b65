import Foundation
import Logging
import NIOPosix
import PostgresKit
import SQLiteKit

/// A fresh, isolated database for one test: a new SQLite file, or a new
/// schema on the PostgreSQL server named by `PORTAL_TEST_POSTGRES_URL`.
public final class TestDatabase: Sendable {
    public let backend: TestBackend
    public let sql: any SQLDatabase
    /// SQLite: the file. PostgreSQL: the URL.
    public let location: String
    /// PostgreSQL: the test's schema (search_path); SQLite: empty.
    public let schema: String
    private let close: @Sendable () async throws -> Void

    init(backend: TestBackend, sql: any SQLDatabase, location: String, schema: String,
         close: @escaping @Sendable () async throws -> Void) {
        self.backend = backend
        self.sql = sql
        self.location = location
        self.schema = schema
        self.close = close
    }

    public static func make(_ backend: TestBackend) async throws -> TestDatabase {
        switch backend {
        case .sqlite:
            return try await openSQLite(path: ScratchDatabase.newSQLitePath(prefix: "portal-jobs"), owned: true)
        case .postgres:
            let url = try ScratchDatabase.postgresURL()
            let schema = ScratchDatabase.newSchemaName()
            try await ScratchDatabase.createSchema(schema, url: url)
            return try await openPostgres(url: url, schema: schema, owned: true)
        }
    }

    /// Another handle on the same database, as a second worker process
    /// would open it (PostgreSQL: its own pool of connections).
    public func another() async throws -> TestDatabase {
        switch backend {
        case .sqlite: try await Self.openSQLite(path: location, owned: false)
        case .postgres: try await Self.openPostgres(url: location, schema: schema, owned: false)
        }
    }

    /// Closes the handle; the one from `make` also removes the data.
    public func shutdown() async throws { try await close() }

    public static func openSQLite(path: String, owned: Bool) async throws -> TestDatabase {
        let connection = try await SQLiteConnection.open(storage: .file(path: path))
        let sql = SerialSQLDatabase(connection.sql())
        // WAL lets the kill test's second process read while one writes.
        try await sql.raw("PRAGMA journal_mode=WAL").run()
        return TestDatabase(backend: .sqlite, sql: sql, location: path, schema: "") {
            try await connection.close()
            if owned { ScratchDatabase.removeSQLiteFile(atPath: path) }
        }
    }

    public static func openPostgres(url: String, schema: String?, owned: Bool) async throws -> TestDatabase {
        var configuration = try SQLPostgresConfiguration(url: url)
        configuration.searchPath = schema.map { [$0] }
        let pool = EventLoopGroupConnectionPool(
            source: PostgresConnectionSource(sqlConfiguration: configuration),
            maxConnectionsPerEventLoop: 8,
            on: MultiThreadedEventLoopGroup.singleton
        )
        let sql = pool.database(logger: Logger(label: "portal.jobs.test")).sql()
        // The pool is thread-safe (it hops to its event loops) but AsyncKit
        // does not declare it Sendable.
        let shutdown = UnsafeTransfer(pool)
        return TestDatabase(backend: .postgres, sql: sql, location: url, schema: schema ?? "") {
            try await shutdown.value.shutdownAsync()
            if owned, let schema { try? await ScratchDatabase.dropSchema(schema, url: url) }
        }
    }
}
