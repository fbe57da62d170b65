import Fluent
import Foundation
import Vapor
import PortalCore
import PortalWeb

extension AuditLog {
    /// A signed-in member's own action, recorded on `db` (a transaction) or the request's database,
    /// with the client's address (behind a trusted proxy the forwarded one, `Request.clientAddress`).
    package static func record(
        _ req: Request, action: String, memberID: UUID?, detail: [String: String] = [:], on db: (any Database)? = nil
    ) async throws {
        var detail = detail
        detail["client"] = detail["client"] ?? req.clientAddress
        try await record(on: db ?? req.db, at: req.clock.now(), actor: actor(of: req), action: action, memberID: memberID, detail: detail)
    }

    /// The signed-in member, else a visitor.
    package static func actor(of req: Request) -> AuditActor {
        req.signedInMember?.account.id.map { .member(accountID: $0) } ?? .visitor
    }
}
