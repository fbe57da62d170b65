import Fluent
import FluentPostgresDriver
import Foundation
import Vapor

/// Every migration run of the portal — at start (PORTAL_AUTO_MIGRATE) and
/// `portal migrate` — holds one lock per database for its whole length, so
/// that several nodes starting at once do not run the same migration twice
/// (the second `CREATE TABLE` failed and stopped that node).
///
/// PostgreSQL: `pg_advisory_lock` on a key fixed per schema, taken on one
/// connection of the pool that also runs every statement of the migration
/// (the pool may hold one connection per event loop, so a second one for the
/// migrator could wait forever, and an extra connection per start counted
/// against `max_connections`); a node that dies releases the lock with its
/// connection. SQLite: `flock` on a file next to the database, which
/// also excludes a second application in the same process.
package enum LockedMigrations {
    /// The key for one schema: every node of every version that uses the
    /// schema computes the same one, and portals in other schemas of the same
    /// database (PORTAL_DATABASE_SCHEMA, the tests' scratch schemas) do not
    /// wait for each other. FNV-1a (64 bit) over "portal migrations:<schema>",
    /// stable across processes, unlike Swift's seeded `Hasher`.
    package static func advisoryKey(schema: String?) -> Int64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in "portal migrations:\(schema ?? "")".utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return Int64(bitPattern: hash)
    }

    package enum Direction { case prepare, revertLastBatch }

    /// Creates the PostgreSQL schema if needed and, when `direction` is
    /// given, applies or reverts migrations; returns the names it ran.
    @discardableResult
    package static func run(_ app: Application, _ direction: Direction?) async throws -> [String] {
        let configuration = app.portal.configuration
        switch configuration.database {
        case .sqliteInMemory:
            return try await migrate(app.migrator, direction)
        case .sqlite(let path):
            guard direction != nil else { return [] }
            let lock = try await FileLock.acquire(path: path + ".migrations-lock")
            do {
                let names = try await migrate(app.migrator, direction)
                lock.release()
                return names
            } catch {
                lock.release()
                throw error
            }
        case .postgres(_, let schema):
            guard direction != nil || schema != nil else { return [] }
            let migrations = app.migrations
            return try await app.db.withConnection { db in
                try await locked(db, key: advisoryKey(schema: schema)) {
                    if let schema {
                        // The name was checked at start (letters, digits, underscores only).
                        try await db.requireSQL().raw("CREATE SCHEMA IF NOT EXISTS \(unsafeRaw: schema)").run()
                    }
                    // Every statement of the run on the connection that holds the lock.
                    let migrator = Migrator(databaseFactory: { _ in db }, migrations: migrations, on: db.eventLoop)
                    return try await migrate(migrator, direction)
                }
            }
        }
    }

    /// A session-level advisory lock on the one connection `db` is pinned
    /// to, released before the connection goes back to the pool (also when
    /// the run fails; a connection that breaks takes the lock with it).
    private static func locked<T: Sendable>(_ db: any Database, key: Int64, _ body: () async throws -> T) async throws -> T {
        let sql = try db.requireSQL()
        try await sql.raw("SELECT pg_advisory_lock(\(bind: key))").run()
        do {
            let result = try await body()
            try await sql.raw("SELECT pg_advisory_unlock(\(bind: key))").run()
            return result
        } catch {
            try? await sql.raw("SELECT pg_advisory_unlock(\(bind: key))").run()
            throw error
        }
    }

    private static func migrate(_ migrator: Migrator, _ direction: Direction?) async throws -> [String] {
        guard let direction else { return [] }
        try await migrator.setupIfNeeded().get()
        switch direction {
        case .prepare:
            let pending = try await migrator.previewPrepareBatch().get().map { $0.0.name }
            if !pending.isEmpty { try await migrator.prepareBatch().get() }
            return pending
        case .revertLastBatch:
            let last = try await migrator.previewRevertLastBatch().get().map { $0.0.name }
            if !last.isEmpty { try await migrator.revertLastBatch().get() }
            return last
        }
    }
}

/// An exclusive `flock` on a file, waited for on a thread of its own: the
/// holder needs NIO's blocking pool for its SQLite statements.
package final class FileLock: Sendable {
    private let descriptor: Int32

    private init(descriptor: Int32) { self.descriptor = descriptor }

    package struct Failed: Error, CustomStringConvertible {
        package let path: String
        package let code: Int32
        package var description: String { "cannot lock \(path): \(String(cString: strerror(code)))" }
    }

    package static func acquire(path: String) async throws -> FileLock {
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

    package func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
