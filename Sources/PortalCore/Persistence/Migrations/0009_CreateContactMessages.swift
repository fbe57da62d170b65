import Fluent
import SQLKit

package struct CreateContactMessages: AsyncMigration {
    package var name: String { "0009_CreateContactMessages" }

    package func prepare(on database: any Database) async throws {
        try await database.schema(ContactMessage.schema)
            .id()
            .field("member_id", .uuid, .required, .references(Member.schema, .id, onDelete: .cascade))
            .field("topic", .string, .required)
            .field("text", .string, .required)
            .field("state", .string, .required)
            .field("created_at", .datetime, .required)
            .field("handled_at", .datetime)
            .create()
        try await database.requireSQL().create(index: "contact_messages_state_idx").on(ContactMessage.schema)
            .column("state").column("created_at").run()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(ContactMessage.schema).delete()
    }
}
