import Fluent
import Foundation
import PortalDomain

/// A member as imported from the fund's core system (read-only in the portal).
///
/// Fluent models are classes with property wrappers; they are
/// `@unchecked Sendable` because an instance is only used by one task at a time.
final class Member: Model, @unchecked Sendable {
    static let schema = "members"

    @ID(key: .id) var id: UUID?
    @Field(key: "member_number") var memberNumber: String
    @Field(key: "family_name") var familyName: String
    @Field(key: "given_names") var givenNames: String
    @OptionalField(key: "birth_name") var birthName: String?
    @OptionalField(key: "academic_degree") var academicDegree: String?
    /// ISO date (YYYY-MM-DD): a calendar date, not an instant, so no time zone applies.
    @Field(key: "date_of_birth") var dateOfBirth: String
    @Field(key: "status") var status: String
    @Field(key: "street") var street: String
    @Field(key: "postal_code") var postalCode: String
    @Field(key: "city") var city: String
    @Field(key: "country") var country: String
    @Field(key: "updated_at") var updatedAt: Date
    /// `compulsory`, `voluntary` or nil when the core system does not say (MembershipKind).
    @OptionalField(key: "membership") var membership: String?
    /// Read model for the dashboard, kept by the import (LatestBookings).
    @OptionalField(key: "latest_contributions") var latestContributions: String?
    @OptionalField(key: "latest_payments") var latestPayments: String?
    /// Read model for the dashboard, kept by the entitlements import (EntitlementSummary).
    @OptionalField(key: "entitlement_summary") var entitlementSummary: String?

    init() {}

    var memberStatus: MemberStatus { MemberStatus(rawValue: status) ?? .former }
    var membershipKind: MembershipKind? { membership.flatMap(MembershipKind.init(rawValue:)) }

    /// "Dr. Erika Mustermann" as a letter would address the person.
    var displayName: String {
        [academicDegree, givenNames, familyName].compactMap { $0?.isEmpty == false ? $0 : nil }.joined(separator: " ")
    }
}

final class ContributionRecord: Model, @unchecked Sendable {
    static let schema = "contributions"
    @ID(key: .id) var id: UUID?
    @Parent(key: "member_id") var member: Member
    @Field(key: "year") var year: Int
    @Field(key: "month") var month: Int
    @Field(key: "amount_cents") var amountCents: Int64
    /// YYYY-MM-DD when the core system exports the payment date.
    @OptionalField(key: "paid_on") var paidOn: String?
    init() {}
}

final class PensionPayment: Model, @unchecked Sendable {
    static let schema = "pension_payments"
    @ID(key: .id) var id: UUID?
    @Parent(key: "member_id") var member: Member
    @Field(key: "year") var year: Int
    @Field(key: "month") var month: Int
    @Field(key: "gross_cents") var grossCents: Int64
    init() {}
}
