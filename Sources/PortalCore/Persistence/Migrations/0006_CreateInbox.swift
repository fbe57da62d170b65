import Fluent
import SQLKit

package struct CreateInbox: AsyncMigration {
    package var name: String { "0006_CreateInbox" }

    package func prepare(on database: any Database) async throws {
        try await database.schema(InboxMessage.schema)
            .id()
            .field("member_id", .uuid, .required, .references(Member.schema, .id, onDelete: .cascade))
            .field("kind", .string, .required)
            .field("parameters", .string, .required)
            .field("document_id", .uuid)
            .field("created_at", .datetime, .required)
            .field("read_at", .datetime)
            .create()
        try await database.requireSQL().create(index: "inbox_member_idx").on(InboxMessage.schema)
            .column("member_id").column("created_at").run()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(InboxMessage.schema).delete()
    }
}
