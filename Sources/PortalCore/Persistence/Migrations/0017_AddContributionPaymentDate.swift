import Fluent

/// `contributions.paid_on`: the day a contribution was paid, when the core
/// system exports it. § 10 EStG counts the year of payment (§ 11 Abs. 2 EStG),
/// so with payment dates the certificate states what was paid in the year.
package struct AddContributionPaymentDate: AsyncMigration {
    package var name: String { "0017_AddContributionPaymentDate" }

    package func prepare(on database: any Database) async throws {
        try await database.schema(ContributionRecord.schema).field("paid_on", .string).update()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(ContributionRecord.schema).deleteField("paid_on").update()
    }
}
