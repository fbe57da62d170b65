import Fluent

package struct CreateMembers: AsyncMigration {
    package var name: String { "0001_CreateMembers" }

    package func prepare(on database: any Database) async throws {
        try await database.schema(Member.schema)
            .id()
            .field("member_number", .string, .required)
            .field("family_name", .string, .required)
            .field("given_names", .string, .required)
            .field("birth_name", .string)
            .field("academic_degree", .string)
            .field("date_of_birth", .string, .required)
            .field("status", .string, .required)
            .field("street", .string, .required)
            .field("postal_code", .string, .required)
            .field("city", .string, .required)
            .field("country", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "member_number")
            .create()
        for (schema, amount) in [(ContributionRecord.schema, "amount_cents"), (PensionPayment.schema, "gross_cents")] {
            try await database.schema(schema)
                .id()
                .field("member_id", .uuid, .required, .references(Member.schema, .id, onDelete: .cascade))
                .field("year", .int, .required)
                .field("month", .int, .required)
                .field(.string(amount), .int64, .required)
                .unique(on: "member_id", "year", "month")
                .create()
        }
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(PensionPayment.schema).delete()
        try await database.schema(ContributionRecord.schema).delete()
        try await database.schema(Member.schema).delete()
    }
}
