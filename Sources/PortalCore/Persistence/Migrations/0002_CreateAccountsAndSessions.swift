import Fluent
import SQLKit

package struct CreateAccountsAndSessions: AsyncMigration {
    package var name: String { "0002_CreateAccountsAndSessions" }

    package func prepare(on database: any Database) async throws {
        try await database.schema(Account.schema)
            .id()
            .field("member_id", .uuid, .required, .references(Member.schema, .id))
            .field("pseudonym", .string, .required)
            .field("state", .string, .required)
            .field("activated_at", .datetime, .required)
            .unique(on: "member_id")
            .unique(on: "pseudonym")
            .create()
        try await database.schema(PortalSession.schema)
            .id()
            .field("token_hash", .string, .required)
            .field("csrf_token", .string, .required)
            .field("account_id", .uuid)
            .field("pseudonym", .string)
            .field("identity_json", .string)
            .field("created_at", .datetime, .required)
            .field("last_seen_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
        let sql = try database.requireSQL()
        try await sql.create(index: "sessions_account_idx").on(PortalSession.schema).column("account_id").run()
        try await sql.create(index: "sessions_pseudonym_idx").on(PortalSession.schema).column("pseudonym").run()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(PortalSession.schema).delete()
        try await database.schema(Account.schema).delete()
    }
}
