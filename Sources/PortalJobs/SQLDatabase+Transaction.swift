import SQLKit

extension SQLDatabase {
    /// Runs `body` in one transaction on one connection (`withSession` pins
    /// it even when `self` is a pool) and commits, or rolls back on error.
    ///
    /// SQLite uses `BEGIN IMMEDIATE`: a deferred transaction that reads and
    /// then writes can fail with SQLITE_BUSY when another connection wrote in
    /// between; taking the write lock up front makes it wait instead.
    ///
    /// Not nestable: inside a transaction that is already open, pass its
    /// database to the `on:` forms of the queue's methods instead.
    public func portalTransaction<T: Sendable>(
        _ body: @escaping @Sendable (any SQLDatabase) async throws -> T
    ) async throws -> T {
        let begin = (try? DatabaseFlavor(self)) == .sqlite ? "BEGIN IMMEDIATE" : "BEGIN"
        return try await withSession { connection in
            try await connection.raw(SQLQueryString(begin)).run()
            do {
                let result = try await body(connection)
                try await connection.raw("COMMIT").run()
                return result
            } catch {
                try? await connection.raw("ROLLBACK").run()
                throw error
            }
        }
    }
}
