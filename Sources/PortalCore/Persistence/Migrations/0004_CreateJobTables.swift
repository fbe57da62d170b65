import Fluent
import PortalJobs
import SQLKit

/// The durable job queue's tables (PortalJobs owns their shape).
package struct CreateJobTables: AsyncMigration {
    package var name: String { "0004_CreateJobTables" }

    package func prepare(on database: any Database) async throws {
        let sql = try database.requireSQL()
        for statement in JobSchema.statements(for: try DatabaseFlavor(sql)) {
            try await sql.raw(SQLQueryString(statement)).run()
        }
    }

    package func revert(on database: any Database) async throws {
        let sql = try database.requireSQL()
        for statement in JobSchema.revertStatements {
            try await sql.raw(SQLQueryString(statement)).run()
        }
    }
}

extension Database {
    /// Fluent's SQLite and PostgreSQL drivers both speak SQL; anything else is a set-up error.
    package func requireSQL() throws -> any SQLDatabase {
        guard let sql = self as? any SQLDatabase else { throw SQLRequired() }
        return sql
    }
}

package struct SQLRequired: Error, CustomStringConvertible {
    package var description: String { "the portal needs an SQL database (SQLite or PostgreSQL)" }
}
