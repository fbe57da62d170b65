import Fluent
import Foundation
import PortalJobsTestSupport
import SQLKit
import Testing
import Vapor
@testable import PortalApp
@testable import PortalCore
@testable import PortalWeb
@testable import PortalMember
@testable import PortalBackOffice

@Suite("Migrations under the migration lock")
struct MigrationLockTests {
    /// Two nodes on one fresh database: a SQLite file, or a PostgreSQL schema nobody has created yet.
    private func twoNodes(_ db: TestDatabase, autoMigrate: Bool, arguments: [String],
                          _ body: (Application, Application) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("portal-migrate-\(UUID().uuidString)")
        var configuration = try PortalConfiguration.fromEnvironment([
            "PORTAL_DATA_DIR": directory.path, "PORTAL_RESOURCES_DIR": packageRoot.path, "PORTAL_SEED_DEMO": "false",
            "PORTAL_WORKER": "false", "PORTAL_BACKOFFICE_PORT": "0", "PORTAL_AUTO_MIGRATE": autoMigrate ? "true" : "false",
        ], mode: .testing)
        let schema = ScratchDatabase.newSchemaName(prefix: "m_")
        if db == .postgres { configuration.database = .postgres(url: try ScratchDatabase.postgresURL(), searchPath: schema) }
        let first = try await makeApplication(configuration: configuration, arguments: arguments)
        let second = try await makeApplication(configuration: configuration, arguments: arguments)
        do {
            try await body(first, second)
        } catch {
            await cleanUp(first, second, db, schema: schema, directory: directory)
            throw error
        }
        await cleanUp(first, second, db, schema: schema, directory: directory)
    }

    private func cleanUp(_ first: Application, _ second: Application, _ db: TestDatabase, schema: String, directory: URL) async {
        try? await first.asyncShutdown()
        try? await second.asyncShutdown()
        if db == .postgres, let url = try? ScratchDatabase.postgresURL() { try? await ScratchDatabase.dropSchema(schema, url: url) }
        try? FileManager.default.removeItem(at: directory)
    }

    /// Every migration's name once, all in the first batch.
    private func expectMigratedOnce(_ app: Application) async throws {
        let rows = try await (app.db as! any SQLDatabase).select().column("name").column("batch").from("_fluent_migrations").all()
        let names = try rows.map { try $0.decode(column: "name", as: String.self) }
        #expect(names.count == PortalMigrations.all.count)
        #expect(Set(names) == Set(PortalMigrations.all.map(\.name)))
        #expect(try rows.allSatisfy { try $0.decode(column: "batch", as: Int.self) == 1 })
    }

    @Test(arguments: TestDatabase.allCases)
    func twoNodesStartingAtOnceBothStartAndMigrateTheDatabaseOnce(_ db: TestDatabase) async throws {
        try await twoNodes(db, autoMigrate: true, arguments: ["portal", "serve"]) { first, second in
            async let one: Void = first.asyncBoot()
            async let two: Void = second.asyncBoot()
            _ = try await (one, two)
            try await expectMigratedOnce(first)
            #expect(try await Member.query(on: second.db).count() == 0, "the second node reads the migrated schema")
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func twoMigrateCommandsAtOnceApplyEachMigrationOnce(_ db: TestDatabase) async throws {
        try await twoNodes(db, autoMigrate: false, arguments: ["portal", "migrate"]) { first, second in
            try await first.asyncBoot()
            try await second.asyncBoot()
            async let one = runCommand(first, ["migrate"])
            async let two = runCommand(second, ["migrate"])
            let outputs = try await [one, two].sorted()
            #expect(outputs[0].hasPrefix("\(PortalMigrations.all.count) migration(s) applied:"), "\(outputs)")
            #expect(outputs[1] == "No migrations applied: the database is up to date.\n", "\(outputs)")
            try await expectMigratedOnce(first)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func startingWithoutAutoMigrationLeavesTheSchemaToTheMigrateCommand(_ db: TestDatabase) async throws {
        try await twoNodes(db, autoMigrate: false, arguments: ["portal", "serve"]) { first, _ in
            try await first.asyncBoot()
            await #expect(throws: (any Error).self, "no table exists before `portal migrate`") {
                try await Member.query(on: first.db).count()
            }
        }
    }

    @Test
    func theRealBinaryMigratesWithoutAskingAndOnceOnly() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("portal-migrate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let environment = RealBinary.environment(dataDirectory: directory.appendingPathComponent("var"), ["PORTAL_AUTO_MIGRATE": "false"])
        let first = try await RealBinary.run(["migrate"], environment: environment, in: directory, seconds: 60)
        #expect(first.status == 0, "\(first.output)")
        #expect(first.output.contains("\(PortalMigrations.all.count) migration(s) applied:"), "\(first.output)")
        let again = try await RealBinary.run(["migrate"], environment: environment, in: directory, seconds: 60)
        #expect(again.output.contains("No migrations applied: the database is up to date."), "\(again.output)")
    }

    @Test
    func fluentsAutoRevertFlagIsRefusedBecauseItWouldBypassTheLock() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("portal-migrate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try await RealBinary.run(["serve", "--auto-revert"], environment: RealBinary.environment(dataDirectory: directory.appendingPathComponent("var")),
                                           in: directory, seconds: 20)
        #expect(run.status == 64, "\(run.output)")
        #expect(run.output.contains("portal migrate --revert"), "\(run.output)")
    }
}
