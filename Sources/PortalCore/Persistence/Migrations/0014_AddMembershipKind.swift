import Fluent

/// `members.membership`: the kind of membership as the core system exports it
/// (`compulsory`, `voluntary`, or NULL when the export does not say), so the
/// membership certificate prints what the record says and nothing else.
package struct AddMembershipKind: AsyncMigration {
    package var name: String { "0014_AddMembershipKind" }

    package func prepare(on database: any Database) async throws {
        try await database.schema(Member.schema).field("membership", .string).update()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(Member.schema).deleteField("membership").update()
    }
}
