import Fluent
import SQLKit

/// `members.entitlement_summary`: the dashboard's read model of the member's
/// entitlement figures (EntitlementSummary), kept by the entitlements import,
/// so the dashboard needs no query beyond the session's own.
struct AddEntitlementSummary: AsyncMigration {
    var name: String { "0018_AddEntitlementSummary" }

    func prepare(on database: any Database) async throws {
        try await database.schema(Member.schema).field(.string(EntitlementSummary.column), .string).update()
        try await EntitlementSummary.refresh(memberIDs: nil, on: try database.requireSQL())
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Member.schema).deleteField(.string(EntitlementSummary.column)).update()
    }
}
