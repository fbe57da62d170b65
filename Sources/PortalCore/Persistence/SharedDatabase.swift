import FluentKit
import NIOCore

/// Lets the back-office application use the member side's connection pool
/// instead of opening its own: one pool per process keeps SQLite to one
/// writer connection and PostgreSQL to the configured number of connections.
/// The pool belongs to the member side, which also shuts it down.
package struct SharedDatabaseConfiguration: DatabaseConfiguration {
    package let databases: Databases
    package var middleware: [any AnyModelMiddleware] = []

    package func makeDriver(for _: Databases) -> any DatabaseDriver {
        SharedDatabaseDriver(databases: databases)
    }

    package init(databases: Databases, middleware: [any AnyModelMiddleware] = []) {
        self.databases = databases
        self.middleware = middleware
    }
}

private struct SharedDatabaseDriver: DatabaseDriver {
    package let databases: Databases

    package func makeDatabase(with context: DatabaseContext) -> any Database {
        guard let database = databases.database(logger: context.logger, on: context.eventLoop, history: context.history,
                                                pageSizeLimit: context.pageSizeLimit) else {
            preconditionFailure("the back office asked for the database after the portal shut it down")
        }
        return database
    }

    package func shutdown() {}
}
