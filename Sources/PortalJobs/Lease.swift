import SQLKit

/// A job held by a worker under one claim: the job's id and the token that
/// claim wrote into `lease_owner`.
public struct Lease: Sendable, Hashable {
    public let id: Int64
    public let token: String

    public init(id: Int64, token: String) {
        self.id = id
        self.token = token
    }

    init(row: any SQLRow) throws {
        id = try row.decode(column: "id", as: Int64.self)
        token = try row.decode(column: "lease_owner", as: String.self)
    }

    /// `id IN (…) AND lease_owner IN (…)`: tokens are unique per claim, so a
    /// row matches only under the claim that holds it (a row-value IN would
    /// say the same, less portably).
    static func match(_ leases: [Lease]) -> SQLQueryString {
        let ids: [any Encodable & Sendable] = leases.map(\.id)
        let tokens: [any Encodable & Sendable] = Array(Set(leases.map(\.token)))
        return "id IN (\(binds: ids)) AND lease_owner IN (\(binds: tokens))"
    }
}
