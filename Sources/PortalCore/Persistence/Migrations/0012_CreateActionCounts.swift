import Fluent
import SQLKit

/// ActionLimit's counters.
package struct CreateActionCounts: AsyncMigration {
    package var name: String { "0012_CreateActionCounts" }

    package func prepare(on database: any Database) async throws {
        let sql = try database.requireSQL()
        try await sql.create(table: ActionCount.schema)
            .column("bucket", type: .text, .notNull)
            .column("window_start", type: .bigint, .notNull)
            .column("window_end", type: .bigint, .notNull)
            .column("hits", type: .int, .notNull)
            .primaryKey(["bucket", "window_start"])
            .run()
        try await sql.create(index: "action_counts_end_idx").on(ActionCount.schema).column("window_end").run()
    }

    package func revert(on database: any Database) async throws {
        try await database.requireSQL().drop(table: ActionCount.schema).run()
    }
}
