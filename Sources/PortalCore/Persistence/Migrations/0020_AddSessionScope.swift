import Fluent
import SQLKit

/// `sessions.scope`: which listener a session belongs to. A member's session
/// ("member") is never valid on the back office and a case worker's
/// ("staff") never on the member side, even when a cookie is carried over.
package struct AddSessionScope: AsyncMigration {
    package var name: String { "0020_AddSessionScope" }

    package func prepare(on database: any Database) async throws {
        try await database.schema(PortalSession.schema)
            .field("scope", .string, .required, .sql(.default(SessionScope.member.rawValue)))
            .update()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(PortalSession.schema).deleteField("scope").update()
    }
}
