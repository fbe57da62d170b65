import Fluent
import Foundation

/// Fills the models every member-area request needs (session, account,
/// member) from plain SQL rows (SessionMiddleware.session(tokenHash:on:),
/// RequireAccountMiddleware.accountAndMember). Fluent fills a model through `Mirror`
/// reflection on every row and every query, which profiling showed to be
/// the largest cost of a page; these few hot reads set the fields directly.
/// The models come back marked as existing, so `save()` and `delete()` work
/// as on any model Fluent loaded.
protocol RowLoadable: Model {
    static var columns: [String] { get }
    /// Sets every field from the row and marks the model as existing
    /// (`$id.exists`, not `_$idExists`, which reflects too).
    func fill(from row: any ColumnReader) throws
}

extension PortalSession: RowLoadable {
    static let columns = ["id", "token_hash", "csrf_token", "account_id", "pseudonym", "identity_json", "created_at", "last_seen_at"]

    func fill(from row: any ColumnReader) throws {
        id = try row.requiredUUID("id")
        tokenHash = try row.requiredString("token_hash")
        csrfToken = try row.requiredString("csrf_token")
        accountID = try row.uuid("account_id")
        pseudonym = try row.string("pseudonym")
        identityJSON = try row.string("identity_json")
        createdAt = try row.requiredDate("created_at")
        lastSeenAt = try row.requiredDate("last_seen_at")
        $id.exists = true
    }
}

extension Member: RowLoadable {
    static let columns = ["id", "member_number", "family_name", "given_names", "birth_name", "academic_degree", "date_of_birth",
                          "status", "street", "postal_code", "city", "country", "updated_at",
                          "latest_contributions", "latest_payments"]

    func fill(from row: any ColumnReader) throws {
        try fill(from: row, prefix: "")
    }

    /// From columns named with `prefix` (e.g. "mem_" beside a session's own columns).
    func fill(from row: any ColumnReader, prefix: String) throws {
        id = try row.requiredUUID(prefix + "id")
        memberNumber = try row.requiredString(prefix + "member_number")
        familyName = try row.requiredString(prefix + "family_name")
        givenNames = try row.requiredString(prefix + "given_names")
        birthName = try row.string(prefix + "birth_name")
        academicDegree = try row.string(prefix + "academic_degree")
        dateOfBirth = try row.requiredString(prefix + "date_of_birth")
        status = try row.requiredString(prefix + "status")
        street = try row.requiredString(prefix + "street")
        postalCode = try row.requiredString(prefix + "postal_code")
        city = try row.requiredString(prefix + "city")
        country = try row.requiredString(prefix + "country")
        updatedAt = try row.requiredDate(prefix + "updated_at")
        latestContributions = try row.string(prefix + "latest_contributions")
        latestPayments = try row.string(prefix + "latest_payments")
        $id.exists = true
    }
}
