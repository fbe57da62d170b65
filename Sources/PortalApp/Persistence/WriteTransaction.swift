import Fluent
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
    /// wait for the busy timeout instead (docs/decisions.md). PostgreSQL
    /// gets an ordinary transaction.
    ///
    /// Inside a transaction that is already open, `body` runs in that one.
    func writeTransaction<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard !inTransaction, (self as? any SQLDatabase)?.dialect.name == "sqlite" else {
            return try await transaction(body)
        }
        return try await withConnection { connection in
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
        }
    }
}

/// The pinned SQLite connection while `BEGIN IMMEDIATE` is open. It reports
/// `inTransaction`, so a `transaction` or `writeTransaction` called inside
/// joins this one instead of sending a second `BEGIN`.
private struct ImmediateTransaction: Database, SQLDatabase {
    let base: any Database
    let sql: any SQLDatabase

    var context: DatabaseContext { base.context }
    var inTransaction: Bool { true }

    func execute(query: DatabaseQuery, onOutput: @escaping @Sendable (any DatabaseOutput) -> Void) -> EventLoopFuture<Void> {
        base.execute(query: query, onOutput: onOutput)
    }

    func execute(schema: DatabaseSchema) -> EventLoopFuture<Void> { base.execute(schema: schema) }
    func execute(enum: DatabaseEnum) -> EventLoopFuture<Void> { base.execute(enum: `enum`) }

    func transaction<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        closure(self)
    }

    func withConnection<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        closure(self)
    }

    var version: (any SQLDatabaseReportedVersion)? { sql.version }
    var dialect: any SQLDialect { sql.dialect }
    var queryLogLevel: Logger.Level? { sql.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        sql.execute(sql: query, onRow)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try await sql.execute(sql: query, onRow)
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await closure(self)
    }
}
