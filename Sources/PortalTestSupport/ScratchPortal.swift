import Foundation
import PortalApp
import PortalDomain
import PortalJobsTestSupport
import Vapor
import PortalCore

/// Fresh storage for one portal: a new data directory (which holds the
/// SQLite file and the documents) and, on PostgreSQL, a new schema.
package struct ScratchStorage: Sendable, CustomStringConvertible {
    package let backend: TestBackend
    package let dataDirectory: URL
    package let database: PortalConfiguration.DatabaseLocation
    private let postgres: (url: String, schema: String)?

    /// `postgresURLVariable` names the variable holding the PostgreSQL
    /// server's URL (tests and benchmarks use different ones).
    package static func make(_ backend: TestBackend, postgresURLVariable: String) async throws -> ScratchStorage {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("portal-scratch-\(UUID().uuidString)")
        switch backend {
        case .sqlite:
            return ScratchStorage(backend: backend, dataDirectory: directory,
                                  database: .sqlite(path: directory.appendingPathComponent("portal.sqlite").path), postgres: nil)
        case .postgres:
            let url = try ScratchDatabase.postgresURL(variable: postgresURLVariable)
            let schema = ScratchDatabase.newSchemaName()
            try await ScratchDatabase.createSchema(schema, url: url)
            return ScratchStorage(backend: backend, dataDirectory: directory,
                                  database: .postgres(url: url, searchPath: schema), postgres: (url, schema))
        }
    }

    package var description: String {
        dataDirectory.path + (postgres.map { " and schema \($0.schema)" } ?? "")
    }

    package func remove() async {
        if let postgres { try? await ScratchDatabase.dropSchema(postgres.schema, url: postgres.url) }
        try? FileManager.default.removeItem(at: dataDirectory)
    }
}

/// Builds the portal exactly as production does (`makeApplication`) on
/// fresh storage, boots it, runs `body`, shuts the portal down and removes
/// its storage, also when `body` throws. `configuration` gets the scratch
/// data directory; its database is replaced by the scratch one. With
/// `keepStorage` the data stays for a look afterwards.
package func withScratchPortal(
    _ backend: TestBackend,
    postgresURLVariable: String = "PORTAL_TEST_POSTGRES_URL",
    clock: any PortalClock = SystemClock(),
    keepStorage: Bool = false,
    configuration makeConfiguration: (_ dataDirectory: URL) throws -> PortalConfiguration,
    _ body: (Application, ScratchStorage) async throws -> Void
) async throws {
    let storage = try await ScratchStorage.make(backend, postgresURLVariable: postgresURLVariable)
    do {
        var configuration = try makeConfiguration(storage.dataDirectory)
        configuration.database = storage.database
        let app = try await makeApplication(configuration: configuration, clock: clock, arguments: ["portal", "serve"])
        do {
            try await app.asyncBoot()
            try await body(app, storage)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    } catch {
        if !keepStorage { await storage.remove() }
        throw error
    }
    if !keepStorage { await storage.remove() }
}
