import Foundation
import SQLKit

/// The member's entitlement figures for the dashboard, kept on the member's
/// row (`members.entitlement_summary`) as `2025-12-31|123456|287654` (as of,
/// accrued, projected or empty), like LatestBookings and for the same reason:
/// the dashboard reads it with the session's one query.
package struct EntitlementSummary: Equatable, Sendable {
    package static let column = "entitlement_summary"

    package let asOf: String
    package let accruedCents: Int64
    package let projectedCents: Int64?

    /// nil when nothing or something malformed is stored: the dashboard then says no figures exist.
    package init?(stored: String?) {
        let parts = (stored ?? "").split(separator: "|", omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, let accrued = Int64(parts[1]) else { return nil }
        asOf = String(parts[0])
        accruedCents = accrued
        projectedCents = Int64(parts[2])
    }

    /// Recomputes the summary of the given members (all when nil) from `entitlements`.
    package static func refresh(memberIDs: [UUID]?, on sql: any SQLDatabase) async throws {
        let summary = SQLQueryString("""
            (SELECT e.as_of || '|' || CAST(e.accrued_monthly_cents AS TEXT) || '|' || COALESCE(CAST(e.projected_monthly_cents AS TEXT), '')
             FROM \(unsafeRaw: Entitlement.schema) e WHERE e.member_id = \(unsafeRaw: Member.schema).id)
            """)
        guard let memberIDs else {
            try await sql.raw("UPDATE \(unsafeRaw: Member.schema) SET \(unsafeRaw: column) = \(summary)").run()
            return
        }
        for chunk in Array(Set(memberIDs)).chunked(500) {
            try await sql.update(Member.schema)
                .set(SQLIdentifier(column), to: summary)
                .where(SQLIdentifier("id"), .in, SQLGroupExpression(chunk.map { SQLBind($0) as any SQLExpression }))
                .run()
        }
    }
}
