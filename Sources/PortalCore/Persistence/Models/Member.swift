import Fluent
import Foundation
import PortalDomain

/// A member as imported from the fund's core system (read-only in the portal).
///
/// Fluent models are classes with property wrappers; they are
/// `@unchecked Sendable` because an instance is only used by one task at a time.
package final class Member: Model, @unchecked Sendable {
    package static let schema = "members"

    @ID(key: .id) package var id: UUID?
    @Field(key: "member_number") package var memberNumber: String
    @Field(key: "family_name") package var familyName: String
    @Field(key: "given_names") package var givenNames: String
    @OptionalField(key: "birth_name") package var birthName: String?
    @OptionalField(key: "academic_degree") package var academicDegree: String?
    /// ISO date (YYYY-MM-DD): a calendar date, not an instant, so no time zone applies.
    @Field(key: "date_of_birth") package var dateOfBirth: String
    @Field(key: "status") package var status: String
    @Field(key: "street") package var street: String
    @Field(key: "postal_code") package var postalCode: String
    @Field(key: "city") package var city: String
    @Field(key: "country") package var country: String
    @Field(key: "updated_at") package var updatedAt: Date
    /// `compulsory`, `voluntary` or nil when the core system does not say (MembershipKind).
    @OptionalField(key: "membership") package var membership: String?
    /// Read model for the dashboard, kept by the import (LatestBookings).
    @OptionalField(key: "latest_contributions") package var latestContributions: String?
    @OptionalField(key: "latest_payments") package var latestPayments: String?
    /// Read model for the dashboard, kept by the entitlements import (EntitlementSummary).
    @OptionalField(key: "entitlement_summary") package var entitlementSummary: String?
    /// `direct_debit` or `transfer` when the core system says how contributions are paid.
    @OptionalField(key: "contribution_payment") package var contributionPayment: String?

    package init() {}

    package var memberStatus: MemberStatus { MemberStatus(rawValue: status) ?? .former }
    /// A change of bank details then includes a new SEPA mandate.
    package var paysByDirectDebit: Bool { contributionPayment == "direct_debit" }
    package var membershipKind: MembershipKind? { membership.flatMap(MembershipKind.init(rawValue:)) }

    /// "Dr. Erika Mustermann" as a letter would address the person.
    package var displayName: String {
        [academicDegree, givenNames, familyName].compactMap { $0?.isEmpty == false ? $0 : nil }.joined(separator: " ")
    }
}

package final class ContributionRecord: Model, @unchecked Sendable {
    package static let schema = "contributions"
    @ID(key: .id) package var id: UUID?
    @Parent(key: "member_id") package var member: Member
    @Field(key: "year") package var year: Int
    @Field(key: "month") package var month: Int
    @Field(key: "amount_cents") package var amountCents: Int64
    /// YYYY-MM-DD when the core system exports the payment date.
    @OptionalField(key: "paid_on") package var paidOn: String?
    package init() {}
}

package final class PensionPayment: Model, @unchecked Sendable {
    package static let schema = "pension_payments"
    @ID(key: .id) package var id: UUID?
    @Parent(key: "member_id") package var member: Member
    @Field(key: "year") package var year: Int
    @Field(key: "month") package var month: Int
    @Field(key: "gross_cents") package var grossCents: Int64
    package init() {}
}
