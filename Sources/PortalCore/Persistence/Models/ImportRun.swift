import Fluent
import Foundation

/// One import of the core system's data that took at least one record
/// (`portal import …`, the demo seeder): the portal's "letzter Abgleich".
package final class ImportRun: Model, @unchecked Sendable {
    package static let schema = "import_runs"

    @ID(key: .id) package var id: UUID?
    /// CoreDataImporter.Kind's raw value: members, contributions, payments, …
    @Field(key: "kind") package var kind: String
    @Field(key: "finished_at") package var finishedAt: Date
    @Field(key: "imported") package var imported: Int

    package init() {}

    package init(kind: String, finishedAt: Date, imported: Int) {
        self.kind = kind
        self.finishedAt = finishedAt
        self.imported = imported
    }

    /// The latest import of any of these kinds, nil when none was recorded
    /// (data that came before import runs were recorded).
    package static func latest(of kinds: [String], on db: any Database) async throws -> Date? {
        try await ImportRun.query(on: db).filter(\.$kind ~~ kinds).sort(\.$finishedAt, .descending).first()?.finishedAt
    }
}
