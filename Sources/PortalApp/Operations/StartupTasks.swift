import Fluent
import Vapor
import PortalCore
import PortalWeb
import PortalMember
import PortalBackOffice

/// Runs before any command: creates the data directory, applies migrations
/// (the embedded default needs no set-up step) and, for `serve` in
/// development, seeds demo data into an empty database.
struct StartupTasks: LifecycleHandler {
    func willBootAsync(_ app: Application) async throws {
        let config = app.portal.configuration
        if case .sqlite = config.database {
            // WAL lets pages read while the worker writes; the setting stays with the file.
            try await app.db.requireSQL().raw("PRAGMA journal_mode=WAL").run()
        }
        let command = app.environment.arguments.dropFirst().first ?? "serve"
        // `portal migrate` migrates itself, and says what it did.
        try await LockedMigrations.run(app, config.autoMigrate && command != "migrate" ? .prepare : nil)
        if command == "serve", config.seedDemoData {
            let summary = try await DemoSeeder(count: config.demoMemberCount, clock: app.portal.clock).seedIfEmpty(app.db)
            if let summary { print(summary) }
        }
    }
}
