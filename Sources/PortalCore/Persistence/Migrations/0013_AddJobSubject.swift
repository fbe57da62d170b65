import Fluent
import SQLKit

/// `jobs.subject`: the member a job is about ("member:<uuid>"), indexed, so
/// account termination deletes that member's mail jobs (address, links)
/// without searching payloads.
package struct AddJobSubject: AsyncMigration {
    package var name: String { "0013_AddJobSubject" }

    package func prepare(on database: any Database) async throws {
        let sql = try database.requireSQL()
        try await sql.raw("ALTER TABLE jobs ADD COLUMN subject TEXT").run()
        try await sql.raw("CREATE INDEX jobs_subject ON jobs (subject) WHERE subject IS NOT NULL").run()
    }

    package func revert(on database: any Database) async throws {
        let sql = try database.requireSQL()
        try await sql.raw("DROP INDEX jobs_subject").run()
        try await sql.raw("ALTER TABLE jobs DROP COLUMN subject").run()
    }
}
