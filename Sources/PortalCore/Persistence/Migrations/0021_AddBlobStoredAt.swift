import Fluent
import SQLKit

/// `blobs.stored_at`: when a portal copy was written (wall clock), so the
/// nightly sweep can tell a copy left behind by a crash from one whose
/// document row is still being committed.
package struct AddBlobStoredAt: AsyncMigration {
    package var name: String { "0021_AddBlobStoredAt" }

    package func prepare(on database: any Database) async throws {
        try await database.requireSQL().alter(table: "blobs").column("stored_at", type: .timestamp).run()
    }

    package func revert(on database: any Database) async throws {
        try await database.requireSQL().alter(table: "blobs").dropColumn("stored_at").run()
    }

    package init() {}
}
