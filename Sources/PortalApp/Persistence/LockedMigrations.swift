import Fluent
import FluentPostgresDriver
import Foundation
import Vapor

/// Every migration run of the portal — at start (PORTAL_AUTO_MIGRATE) and
/// `portal migrate` — holds one lock per database for its whole length, so
/// that several nodes starting at once do not run the same migration twice
/// (the second `CREATE TABLE` failed and stopped that node).
///
/// PostgreSQL: `pg_advisory_lock` on a key fixed per schema, on a connection of its own
/// outside Fluent's pool (the pool may have a single connection per event
/// loop, which the migrator needs); a node that dies releases the lock with
/// its connection. SQLite: `flock` on a file next to the database, which
/// also excludes a second application in the same process.
enum LockedMigrations {
    /// The key for one schema: every node of every version that uses the
    /// schema computes the same one, and portals in other schemas of the same
    /// database (PORTAL_DATABASE_SCHEMA, the tests' scratch schemas) do not
    /// wait for each other. FNV-1a (64 bit) over "portal migrations:<schema>",
    /// stable across processes, unlike Swift's seeded `Hasher`.
    static func advisoryKey(schema: String?) -> Int64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in "portal migrations:\(schema ?? "")".utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return Int64(bitPattern: hash)
    }

    enum Direction { case prepare, revertLastBatch }

    /// Creates the PostgreSQL schema if needed and, when `direction` is
    /// given, applies or reverts migrations; returns the names it ran.
    @discardableResult
    static func run(_ app: Application, _ direction: Direction?) async throws -> [String] {
        let configuration = app.portal.configuration
        if direction == nil, case .postgres(_, nil) = configuration.database { return [] }
        if direction == nil, configuration.database.isSQLite { return [] }
        return try await withLock(configuration.database, app: app) {
            if case .postgres(_, let schema?) = configuration.database {
                // The name was checked at start (letters, digits, underscores only).
                try await app.db.requireSQL().raw("CREATE SCHEMA IF NOT EXISTS \(unsafeRaw: schema)").run()
            }
            guard let direction else { return [] }
            try await app.migrator.setupIfNeeded().get()
            switch direction {
            case .prepare:
                let pending = try await app.migrator.previewPrepareBatch().get().map { $0.0.name }
                if !pending.isEmpty { try await app.migrator.prepareBatch().get() }
                return pending
            case .revertLastBatch:
                let last = try await app.migrator.previewRevertLastBatch().get().map { $0.0.name }
                if !last.isEmpty { try await app.migrator.revertLastBatch().get() }
                return last
            }
        }
    }

    private static func withLock<T: Sendable>(
        _ database: PortalConfiguration.DatabaseLocation, app: Application, _ body: () async throws -> T
    ) async throws -> T {
        switch database {
        case .sqliteInMemory:
            return try await body()
        case .sqlite(let path):
            let lock = try await FileLock.acquire(path: path + ".migrations-lock")
            do {
                let result = try await body()
                lock.release()
                return result
            } catch {
                lock.release()
                throw error
            }
        case .postgres(let url, let schema):
            let key = advisoryKey(schema: schema)
            let configuration = try SQLPostgresConfiguration(url: url).coreConfiguration
            let connection = try await PostgresConnection.connect(
                on: app.eventLoopGroup.any(), configuration: configuration, id: 0, logger: app.logger).get()
            do {
                _ = try await connection.query("SELECT pg_advisory_lock(\(key))", logger: app.logger)
                let result = try await body()
                _ = try await connection.query("SELECT pg_advisory_unlock(\(key))", logger: app.logger)
                try await connection.close()
                return result
            } catch {
                // Closing the session releases the advisory lock too.
                try? await connection.close()
                throw error
            }
        }
    }
}

/// An exclusive `flock` on a file, waited for on a thread of its own: the
/// holder needs NIO's blocking pool for its SQLite statements.
final class FileLock: Sendable {
    private let descriptor: Int32

    private init(descriptor: Int32) { self.descriptor = descriptor }

    struct Failed: Error, CustomStringConvertible {
        let path: String
        let code: Int32
        var description: String { "cannot lock \(path): \(String(cString: strerror(code)))" }
    }

    static func acquire(path: String) async throws -> FileLock {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw Failed(path: path, code: errno) }
        return try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                while flock(descriptor, LOCK_EX) != 0 {
                    guard errno == EINTR else {
                        let code = errno
                        close(descriptor)
                        continuation.resume(throwing: Failed(path: path, code: code))
                        return
                    }
                }
                continuation.resume(returning: FileLock(descriptor: descriptor))
            }
        }
    }

    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
