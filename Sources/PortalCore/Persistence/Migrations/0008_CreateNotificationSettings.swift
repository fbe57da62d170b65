import Fluent

package struct CreateNotificationSettings: AsyncMigration {
    package var name: String { "0008_CreateNotificationSettings" }

    package func prepare(on database: any Database) async throws {
        try await database.schema(NotificationSetting.schema)
            .id()
            .field("member_id", .uuid, .required, .references(Member.schema, .id, onDelete: .cascade))
            .field("email", .string)
            .field("notify", .bool, .required)
            .field("pending_email", .string)
            .field("token_hash", .string)
            .field("token_expires_at", .datetime)
            .field("last_notified_at", .datetime)
            .field("updated_at", .datetime, .required)
            .unique(on: "member_id")
            .create()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(NotificationSetting.schema).delete()
    }
}
