import Fluent
import Foundation
import SQLKit

/// Loads the models every member-area request needs (session, account,
/// member) from plain SQL rows. Fluent fills a model through `Mirror`
/// reflection on every row and every query, which profiling showed to be
/// the largest cost of a page; these few hot reads set the fields directly.
/// The models come back marked as existing, so `save()` and `delete()` work
/// as on any model Fluent loaded.
protocol RowLoadable: Model {
    static var columns: [String] { get }
    /// Sets every field from the row and marks the model as existing
    /// (`$id.exists`, not `_$idExists`, which reflects too).
    func fill(from row: any SQLRow) throws
}

extension RowLoadable {
    static func first(on db: any Database, where column: String, equals value: some Encodable & Sendable) async throws -> Self? {
        // Written as SQL text: SQLKit's builder quotes every identifier through
        // String.replacing, which showed up in profiles; these names are ours.
        let row = try await db.requireSQL().raw("""
            SELECT \(unsafeRaw: columns.joined(separator: ", ")) FROM \(unsafeRaw: schema)
            WHERE \(unsafeRaw: column) = \(bind: value) LIMIT 1
            """).first()
        guard let row else { return nil }
        let model = Self()
        try model.fill(from: row)
        return model
    }
}

extension PortalSession: RowLoadable {
    static let columns = ["id", "token_hash", "csrf_token", "account_id", "pseudonym", "identity_json", "created_at", "last_seen_at"]

    func fill(from row: any SQLRow) throws {
        id = try row.decode(column: "id", as: UUID.self)
        tokenHash = try row.decode(column: "token_hash", as: String.self)
        csrfToken = try row.decode(column: "csrf_token", as: String.self)
        accountID = try row.decode(column: "account_id", as: UUID?.self)
        pseudonym = try row.decode(column: "pseudonym", as: String?.self)
        identityJSON = try row.decode(column: "identity_json", as: String?.self)
        createdAt = try row.decode(column: "created_at", as: Date.self)
        lastSeenAt = try row.decode(column: "last_seen_at", as: Date.self)
        $id.exists = true
    }
}

extension Account: RowLoadable {
    static let columns = ["id", "member_id", "pseudonym", "state", "activated_at"]

    func fill(from row: any SQLRow) throws {
        id = try row.decode(column: "id", as: UUID.self)
        $member.id = try row.decode(column: "member_id", as: UUID.self)
        pseudonym = try row.decode(column: "pseudonym", as: String.self)
        guard let state = State(rawValue: try row.decode(column: "state", as: String.self)) else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "unknown account state"))
        }
        self.state = state
        activatedAt = try row.decode(column: "activated_at", as: Date.self)
        $id.exists = true
    }
}

extension Member: RowLoadable {
    static let columns = ["id", "member_number", "family_name", "given_names", "birth_name", "academic_degree", "date_of_birth",
                          "status", "street", "postal_code", "city", "country", "updated_at"]

    func fill(from row: any SQLRow) throws {
        id = try row.decode(column: "id", as: UUID.self)
        memberNumber = try row.decode(column: "member_number", as: String.self)
        familyName = try row.decode(column: "family_name", as: String.self)
        givenNames = try row.decode(column: "given_names", as: String.self)
        birthName = try row.decode(column: "birth_name", as: String?.self)
        academicDegree = try row.decode(column: "academic_degree", as: String?.self)
        dateOfBirth = try row.decode(column: "date_of_birth", as: String.self)
        status = try row.decode(column: "status", as: String.self)
        street = try row.decode(column: "street", as: String.self)
        postalCode = try row.decode(column: "postal_code", as: String.self)
        city = try row.decode(column: "city", as: String.self)
        country = try row.decode(column: "country", as: String.self)
        updatedAt = try row.decode(column: "updated_at", as: Date.self)
        $id.exists = true
    }
}
