import Fluent
import SQLKit

/// The audit trail is append-only at the database level: triggers abort any
/// UPDATE or DELETE, whoever issues it.
package struct CreateAuditTrail: AsyncMigration {
    package var name: String { "0003_CreateAuditTrail" }

    package func prepare(on database: any Database) async throws {
        try await database.schema(AuditEntry.schema)
            .id()
            .field("occurred_at", .datetime, .required)
            .field("actor", .string, .required)
            .field("action", .string, .required)
            .field("member_id", .uuid)
            .field("detail", .string, .required)
            .create()
        let sql = try database.requireSQL()
        try await sql.create(index: "audit_member_idx").on(AuditEntry.schema).column("member_id").run()
        if sql.dialect.name == "postgresql" {
            try await sql.raw("""
                CREATE FUNCTION audit_entries_append_only() RETURNS trigger AS $$
                BEGIN RAISE EXCEPTION 'audit_entries is append-only'; END; $$ LANGUAGE plpgsql
                """).run()
            try await sql.raw("""
                CREATE TRIGGER audit_entries_no_change BEFORE UPDATE OR DELETE ON audit_entries
                FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only()
                """).run()
        } else {
            for operation in ["UPDATE", "DELETE"] {
                try await sql.raw("""
                    CREATE TRIGGER audit_entries_no_\(unsafeRaw: operation.lowercased()) BEFORE \(unsafeRaw: operation) ON audit_entries
                    BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END
                    """).run()
            }
        }
    }

    package func revert(on database: any Database) async throws {
        let sql = try database.requireSQL()
        if sql.dialect.name == "postgresql" {
            try await sql.raw("DROP TRIGGER IF EXISTS audit_entries_no_change ON audit_entries").run()
            try await sql.raw("DROP FUNCTION IF EXISTS audit_entries_append_only()").run()
        }
        try await database.schema(AuditEntry.schema).delete()
    }
}
