import Fluent
import Foundation

/// A member's pension entitlement figures from the core system, one current
/// set per member (the import replaces it). Amounts are monthly, in cents.
final class Entitlement: Model, @unchecked Sendable {
    static let schema = "entitlements"

    @ID(key: .id) var id: UUID?
    @Field(key: "member_id") var memberID: UUID
    /// YYYY-MM-DD: the date the core system computed the figures for.
    @Field(key: "as_of") var asOf: String
    @Field(key: "accrued_monthly_cents") var accruedMonthlyCents: Int64
    @OptionalField(key: "projected_monthly_cents") var projectedMonthlyCents: Int64?
    @OptionalField(key: "projection_assumption") var projectionAssumption: String?
    @OptionalField(key: "disability_monthly_cents") var disabilityMonthlyCents: Int64?
    @OptionalField(key: "regular_retirement_date") var regularRetirementDate: String?
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    static func current(for memberID: UUID, on db: any Database) async throws -> Entitlement? {
        try await Entitlement.query(on: db).filter(\.$memberID == memberID).first()
    }
}
