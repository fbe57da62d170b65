import Fluent
import Foundation
import SQLKit

// Fills the models every member-area request needs (session, account,
// member) from plain SQL rows (SessionMiddleware.session(tokenHash:scope:on:),
// AccountAndMember.load). Fluent fills a model through
// `Mirror` reflection on every row and every query, which profiling showed to
// be the largest cost of a page; these few hot reads set the fields directly.
// The models come back marked as existing (`$id.exists`, not `_$idExists`,
// which reflects too), so `save()` and `delete()` work as on any model Fluent
// loaded.

extension PortalSession {
    package static let columns = ["id", "token_hash", "csrf_token", "account_id", "pseudonym", "identity_json", "created_at", "last_seen_at", "scope"]

    package func fill(from row: any SQLRow) throws {
        id = try row.decode(column: "id", as: UUID.self)
        tokenHash = try row.decode(column: "token_hash", as: String.self)
        csrfToken = try row.decode(column: "csrf_token", as: String.self)
        accountID = try row.decode(column: "account_id", as: UUID?.self)
        pseudonym = try row.decode(column: "pseudonym", as: String?.self)
        identityJSON = try row.decode(column: "identity_json", as: String?.self)
        createdAt = try row.decode(column: "created_at", as: Date.self)
        lastSeenAt = try row.decode(column: "last_seen_at", as: Date.self)
        scope = try row.decode(column: "scope", as: String.self)
        $id.exists = true
    }
}

extension Member {
    package static let columns = ["id", "member_number", "family_name", "given_names", "birth_name", "academic_degree", "date_of_birth",
                          "status", "street", "postal_code", "city", "country", "updated_at",
                          "latest_contributions", "latest_payments", "membership", "entitlement_summary", "contribution_payment"]

    /// From columns named with `prefix` (e.g. "mem_" beside a session's own columns).
    package func fill(from row: any SQLRow, prefix: String) throws {
        id = try row.decode(column: prefix + "id", as: UUID.self)
        memberNumber = try row.decode(column: prefix + "member_number", as: String.self)
        familyName = try row.decode(column: prefix + "family_name", as: String.self)
        givenNames = try row.decode(column: prefix + "given_names", as: String.self)
        birthName = try row.decode(column: prefix + "birth_name", as: String?.self)
        academicDegree = try row.decode(column: prefix + "academic_degree", as: String?.self)
        dateOfBirth = try row.decode(column: prefix + "date_of_birth", as: String.self)
        status = try row.decode(column: prefix + "status", as: String.self)
        street = try row.decode(column: prefix + "street", as: String.self)
        postalCode = try row.decode(column: prefix + "postal_code", as: String.self)
        city = try row.decode(column: prefix + "city", as: String.self)
        country = try row.decode(column: prefix + "country", as: String.self)
        updatedAt = try row.decode(column: prefix + "updated_at", as: Date.self)
        latestContributions = try row.decode(column: prefix + "latest_contributions", as: String?.self)
        latestPayments = try row.decode(column: prefix + "latest_payments", as: String?.self)
        membership = try row.decode(column: prefix + "membership", as: String?.self)
        entitlementSummary = try row.decode(column: prefix + "entitlement_summary", as: String?.self)
        contributionPayment = try row.decode(column: prefix + "contribution_payment", as: String?.self)
        $id.exists = true
    }
}
