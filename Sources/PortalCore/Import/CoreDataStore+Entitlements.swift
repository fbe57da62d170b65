import Fluent
import Foundation
import PortalDomain
import SQLKit

extension CoreDataStore {
    package static let entitlementColumns = ["as_of", "accrued_monthly_cents", "projected_monthly_cents", "projection_assumption",
                                     "disability_monthly_cents", "regular_retirement_date", "updated_at"]

    /// Replaces each member's entitlement figures; returns the records whose
    /// member number is unknown, with their index.
    package func upsertEntitlements(_ records: [EntitlementRecord]) async throws -> [Int] {
        guard !records.isEmpty else { return [] }
        let ids = try await memberIDs(Array(Set(records.map(\.memberNumber.value))))
        var unknown: [Int] = []
        var values: [[any SQLExpression]] = []
        var touched: [UUID] = []
        for (index, record) in records.enumerated() {
            guard let memberID = ids[record.memberNumber.value] else { unknown.append(index); continue }
            touched.append(memberID)
            values.append([
                SQLBind(UUID()), SQLBind(memberID), SQLBind(record.asOf), SQLBind(record.accruedMonthlyCents),
                SQLBind(record.projectedMonthlyCents), SQLBind(record.projectionAssumption), SQLBind(record.disabilityMonthlyCents),
                SQLBind(record.regularRetirementDate), SQLBind(now),
            ])
        }
        guard !values.isEmpty else { return unknown }
        let (rows, members) = (values, touched)
        // The figures and the dashboard's summary of them change together or not at all.
        try await db.transaction { tx in
            let sql = try tx.requireSQL()
            var insert = sql.insert(into: Entitlement.schema).columns(["id", "member_id"] + Self.entitlementColumns)
            for row in rows { insert = insert.values(row) }
            try await insert.onConflict(with: ["member_id"]) { update in
                var builder = update
                for column in Self.entitlementColumns { builder = builder.set(excludedValueOf: column) }
                return builder
            }.run()
            try await EntitlementSummary.refresh(memberIDs: members, on: sql)
        }
        return unknown
    }
}
