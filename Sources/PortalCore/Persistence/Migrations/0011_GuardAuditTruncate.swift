import Fluent
import SQLKit

/// Row triggers do not fire on TRUNCATE, so on PostgreSQL `TRUNCATE
/// audit_entries` emptied the append-only trail. A statement-level trigger
/// refuses it too. SQLite has no TRUNCATE: its `DELETE FROM` without WHERE
/// still fires the row trigger of 0003 (SQLite skips the truncate
/// optimisation when a table has triggers).
package struct GuardAuditTruncate: AsyncMigration {
    package var name: String { "0011_GuardAuditTruncate" }

    package func prepare(on database: any Database) async throws {
        let sql = try database.requireSQL()
        guard sql.dialect.name == "postgresql" else { return }
        try await sql.raw("""
            CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
            FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only()
            """).run()
    }

    package func revert(on database: any Database) async throws {
        let sql = try database.requireSQL()
        guard sql.dialect.name == "postgresql" else { return }
        try await sql.raw("DROP TRIGGER IF EXISTS audit_entries_no_truncate ON audit_entries").run()
    }
}
