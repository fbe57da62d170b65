import Fluent
import Foundation
import SQLKit

extension Database {
    /// Runs `body` in one transaction that is allowed to write, and commits,
    /// or rolls back on error. Every handler that writes uses this rather than
    /// Fluent's `transaction`.
    ///
    /// On SQLite the transaction starts with `BEGIN IMMEDIATE` on one pinned
    /// connection. Fluent's `transaction` says `BEGIN` (deferred): a
    /// transaction that reads and then writes fails at once with "database is
    /// locked" (SQLITE_BUSY_SNAPSHOT, no busy handler is asked) when another
    /// connection wrote in between. Taking the write lock up front makes it
    /// wait instead: for the writer before it in this process, then for the
    /// busy timeout (SQLiteBusyTimeout) against other processes
    /// (docs/decisions.md). PostgreSQL gets an ordinary transaction.
    ///
    /// Inside a transaction that is already open, `body` runs in that one.
    package func writeTransaction<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard !inTransaction, (self as? any SQLDatabase)?.dialect.name == "sqlite" else {
            return try await transaction(body)
        }
        // A second write transaction on another connection from inside the
        // first would wait for the first's lock forever: refuse it at once.
        guard !SQLiteWriters.inside else { throw NestedWriteTransaction() }
        // Writers of this process queue here, suspended, before they take a
        // connection: a writer waiting inside SQLite's busy handler would hold
        // a thread of the blocking pool that the lock holder needs for its
        // next statement. SQLite's busy timeout is then left to other processes.
        await SQLiteWriters.gate.enter()
        do {
            // The task-local is set inside the connection's closure: Fluent runs
            // that closure in a task of its own, which would not inherit it.
            let result = try await withConnection { connection in try await SQLiteWriters.$inside.withValue(true) {
                let sql = try connection.requireSQL()
                try await sql.raw("BEGIN IMMEDIATE").run()
                do {
                    let result = try await body(ImmediateTransaction(base: connection, sql: sql))
                    try await sql.raw("COMMIT").run()
                    return result
                } catch {
                    try? await sql.raw("ROLLBACK").run()
                    throw error
                }
            } }
            await SQLiteWriters.gate.leave()
            return result
        } catch {
            await SQLiteWriters.gate.leave()
            throw error
        }
    }
}

/// One writer at a time, waiting without a thread. Process-wide rather than
/// per database: SQLite lets one writer per file in anyway, a portal process
/// has one SQLite database, and only tests run several side by side.
package enum SQLiteWriters {
    package static let gate = AsyncGate()
    /// Set while a task holds the gate.
    @TaskLocal package static var inside = false
}

package struct NestedWriteTransaction: Error, CustomStringConvertible {
    package var description: String { "writeTransaction inside another one: pass the outer transaction's database instead" }
}

package actor AsyncGate {
    private var occupied = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    package func enter() async {
        guard occupied else {
            occupied = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Hands the gate to the longest waiter, first come first served.
    package func leave() {
        if waiting.isEmpty {
            occupied = false
        } else {
            waiting.removeFirst().resume()
        }
    }
}

extension Database {
    /// Inside a write transaction: makes a second transaction of the same
    /// member wait here until this one commits, so its check-then-insert sees
    /// what this one wrote. PostgreSQL: the member row's lock; SQLite's
    /// `BEGIN IMMEDIATE` already lets only one writer in.
    package func lockMember(_ memberID: UUID) async throws {
        let sql = try requireSQL()
        guard sql.dialect.name == "postgresql" else { return }
        try await sql.raw("SELECT id FROM \(unsafeRaw: Member.schema) WHERE id = \(bind: memberID) FOR UPDATE").run()
    }
}

/// The pinned SQLite connection while `BEGIN IMMEDIATE` is open. It reports
/// `inTransaction`, so a `transaction` or `writeTransaction` called inside
/// joins this one instead of sending a second `BEGIN`.
private struct ImmediateTransaction: Database, SQLDatabase {
    package let base: any Database
    package let sql: any SQLDatabase

    package var context: DatabaseContext { base.context }
    package var inTransaction: Bool { true }

    package func execute(query: DatabaseQuery, onOutput: @escaping @Sendable (any DatabaseOutput) -> Void) -> EventLoopFuture<Void> {
        base.execute(query: query, onOutput: onOutput)
    }

    package func execute(schema: DatabaseSchema) -> EventLoopFuture<Void> { base.execute(schema: schema) }
    package func execute(enum: DatabaseEnum) -> EventLoopFuture<Void> { base.execute(enum: `enum`) }

    package func transaction<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        closure(self)
    }

    package func withConnection<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        closure(self)
    }

    package var version: (any SQLDatabaseReportedVersion)? { sql.version }
    package var dialect: any SQLDialect { sql.dialect }
    package var queryLogLevel: Logger.Level? { sql.queryLogLevel }

    package func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        sql.execute(sql: query, onRow)
    }

    package func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try await sql.execute(sql: query, onRow)
    }

    package func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await closure(self)
    }
}
