import Fluent
import Foundation

/// A member's pension entitlement figures from the core system, one current
/// set per member (the import replaces it). Amounts are monthly, in cents.
package final class Entitlement: Model, @unchecked Sendable {
    package static let schema = "entitlements"

    @ID(key: .id) package var id: UUID?
    @Field(key: "member_id") package var memberID: UUID
    /// YYYY-MM-DD: the date the core system computed the figures for.
    @Field(key: "as_of") package var asOf: String
    @Field(key: "accrued_monthly_cents") package var accruedMonthlyCents: Int64
    @OptionalField(key: "projected_monthly_cents") package var projectedMonthlyCents: Int64?
    @OptionalField(key: "projection_assumption") package var projectionAssumption: String?
    @OptionalField(key: "disability_monthly_cents") package var disabilityMonthlyCents: Int64?
    @OptionalField(key: "regular_retirement_date") package var regularRetirementDate: String?
    @Field(key: "updated_at") package var updatedAt: Date

    package init() {}

    package static func current(for memberID: UUID, on db: any Database) async throws -> Entitlement? {
        try await Entitlement.query(on: db).filter(\.$memberID == memberID).first()
    }
}
