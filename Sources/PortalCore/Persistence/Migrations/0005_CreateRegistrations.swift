import Fluent
import SQLKit

package struct CreateRegistrations: AsyncMigration {
    package var name: String { "0005_CreateRegistrations" }

    package func prepare(on database: any Database) async throws {
        try await database.schema(Registration.schema)
            .id()
            .field("pseudonym", .string, .required)
            .field("member_number", .string, .required)
            .field("identity_json", .string, .required)
            .field("state", .string, .required)
            .field("reason", .string)
            .field("member_id", .uuid)
            .field("job_id", .int64)
            .field("created_at", .datetime, .required)
            .field("decided_at", .datetime)
            .field("decided_by", .string)
            .create()
        let sql = try database.requireSQL()
        try await sql.create(index: "registrations_pseudonym_idx").on(Registration.schema).column("pseudonym").column("created_at").run()
        try await sql.create(index: "registrations_number_idx").on(Registration.schema).column("member_number").column("created_at").run()
        try await database.schema(TransferCode.schema)
            .id()
            .field("account_id", .uuid, .required, .references(Account.schema, .id, onDelete: .cascade))
            .field("code_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .unique(on: "code_hash")
            .create()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(TransferCode.schema).delete()
        try await database.schema(Registration.schema).delete()
    }
}
