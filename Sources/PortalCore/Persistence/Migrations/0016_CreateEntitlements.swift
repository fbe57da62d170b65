import Fluent

/// `entitlements`: the core system's latest pension entitlement figures per
/// member (`portal import entitlements`), the basis of the Renteninformation.
package struct CreateEntitlements: AsyncMigration {
    package var name: String { "0016_CreateEntitlements" }

    package func prepare(on database: any Database) async throws {
        try await database.schema(Entitlement.schema)
            .id()
            .field("member_id", .uuid, .required, .references(Member.schema, "id", onDelete: .cascade))
            .field("as_of", .string, .required)
            .field("accrued_monthly_cents", .int64, .required)
            .field("projected_monthly_cents", .int64)
            .field("projection_assumption", .string)
            .field("disability_monthly_cents", .int64)
            .field("regular_retirement_date", .string)
            .field("updated_at", .datetime, .required)
            .unique(on: "member_id")
            .create()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(Entitlement.schema).delete()
    }
}
