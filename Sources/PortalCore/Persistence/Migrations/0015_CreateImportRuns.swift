import Fluent

/// `import_runs`: when each kind of core-system data was last imported, so
/// every certificate can say which data date it rests on ("Datenstand").
package struct CreateImportRuns: AsyncMigration {
    package var name: String { "0015_CreateImportRuns" }

    package func prepare(on database: any Database) async throws {
        try await database.schema(ImportRun.schema)
            .id()
            .field("kind", .string, .required)
            .field("finished_at", .datetime, .required)
            .field("imported", .int, .required)
            .create()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(ImportRun.schema).delete()
    }
}
