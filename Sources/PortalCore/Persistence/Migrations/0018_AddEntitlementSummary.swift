import Fluent
import SQLKit

/// `members.entitlement_summary`: the dashboard's read model of the member's
/// entitlement figures (EntitlementSummary), kept by the entitlements import,
/// so the dashboard needs no query beyond the session's own.
package struct AddEntitlementSummary: AsyncMigration {
    package var name: String { "0018_AddEntitlementSummary" }

    package func prepare(on database: any Database) async throws {
        try await database.schema(Member.schema).field(.string(EntitlementSummary.column), .string).update()
        try await EntitlementSummary.refresh(memberIDs: nil, on: try database.requireSQL())
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(Member.schema).deleteField(.string(EntitlementSummary.column)).update()
    }
}
