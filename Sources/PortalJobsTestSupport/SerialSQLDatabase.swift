import Logging
import NIOCore
import SQLKit

/// One SQLite connection shared by many tasks, as a pool of size one: a
/// session (transaction) holds the connection until it ends, and single
/// statements wait for it. Without this, two tasks' BEGIN … COMMIT on one
/// connection would interleave. (SQLiteKit has no pool that speaks SQLKit;
/// the app gets this from Fluent.)
public final class SerialSQLDatabase: SQLDatabase {
    let base: any SQLDatabase
    let lock = AsyncLock()

    public init(_ base: any SQLDatabase) { self.base = base }

    public var logger: Logger { base.logger }
    public var eventLoop: any EventLoop { base.eventLoop }
    public var version: (any SQLDatabaseReportedVersion)? { base.version }
    public var dialect: any SQLDialect { base.dialect }
    public var queryLogLevel: Logger.Level? { base.queryLogLevel }

    public func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) -> EventLoopFuture<Void> {
        eventLoop.makeFutureWithTask { try await self.execute(sql: query, onRow) }
    }

    public func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) async throws {
        let base = self.base
        try await lock.withLock { try await base.execute(sql: query, onRow) }
    }

    public func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        let base = self.base
        return try await lock.withLock { UnsafeTransfer(try await closure(base)) }.value
    }
}

/// `withSession` is generic over a non-Sendable R; the value only crosses
/// from the lock's closure back to its caller.
struct UnsafeTransfer<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
