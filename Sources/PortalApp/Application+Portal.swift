import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Prometheus
import PortalDomain
import PortalMail
import Vapor
import PortalCore
import PortalWeb
import PortalMember
import PortalBackOffice

/// Builds the whole portal. `portal serve` and every test call this one
/// function, so tests exercise exactly what production runs.
public func makeApplication(
    configuration: PortalConfiguration,
    clock: any PortalClock = SystemClock(),
    metrics: PrometheusCollectorRegistry = PrometheusCollectorRegistry(),
    arguments: [String] = CommandLine.arguments
) async throws -> Application {
    var environment = Environment(name: configuration.mode.rawValue, arguments: arguments)
    environment.arguments = arguments
    let app = try await Application.make(environment)
    do {
        try await configure(app, configuration: configuration, clock: clock, metrics: metrics)
    } catch {
        try? await app.asyncShutdown()
        throw error
    }
    return app
}

private func configure(
    _ app: Application, configuration: PortalConfiguration, clock: any PortalClock, metrics: PrometheusCollectorRegistry
) async throws {
    try PrivateFiles.createDirectory(configuration.dataDirectory)
    app.directory = DirectoryConfiguration(workingDirectory: configuration.resourcesDirectory.path + "/")
    app.http.server.configuration.hostname = configuration.host
    app.http.server.configuration.port = configuration.port
    app.routes.defaultMaxBodySize = "64kb"

    try configureDatabase(app, configuration.database)
    app.migrations.add(PortalMigrations.all)
    let services = try PortalServices.make(app, configuration: configuration, clock: clock, metrics: metrics)
    app.portal = services

    // The simulator is the only identity provider until the SAML service provider exists.
    try MemberSite.configure(app, services: services, identityProvider: configuration.devEIDEnabled ? DevEIDController() : nil)
    app.lifecycle.use(StartupTasks())
    app.lifecycle.use(JobsLifecycle())
    let backOffice = try await BackOffice.makeApplication(for: app, registry: metrics)
    let backOfficeAddress = BindAddress.hostname(configuration.backOfficeHost, port: configuration.backOfficePort)
    app.servers.use { app in
        PortalServer(main: app.http.server.shared, backOffice: backOffice, address: backOfficeAddress)
    }
    app.lifecycle.use(ShutdownWith(other: backOffice))
    app.asyncCommands.use(ImportCommand(services: services), as: "import")
    app.asyncCommands.use(WorkerCommand(services: services), as: "worker")
    app.asyncCommands.use(JobsCommand(services: services), as: "jobs")
    app.asyncCommands.use(RegistrationsCommand(services: services), as: "registrations")
    app.asyncCommands.use(AccountCommand(services: services), as: "account")
    app.asyncCommands.use(MigrateCommand(), as: "migrate")
    app.asyncCommands.use(DocumentsCommand(services: services), as: "documents")
    app.asyncCommands.use(ApplicationsCommand(services: services), as: "applications")
    app.asyncCommands.use(ContactCommand(services: services), as: "contact")
    app.asyncCommands.use(PDFCommand(services: services), as: "pdf")
}

private func configureDatabase(_ app: Application, _ location: PortalConfiguration.DatabaseLocation) throws {
    switch location {
    case .sqlite(let path):
        try PrivateFiles.prepareSQLiteFile(atPath: path)
        app.databases.use(.sqlite(.file(path), sqlLogLevel: .debug), as: .sqlite)
        app.lifecycle.use(SQLiteBusyTimeout())
    case .sqliteInMemory:
        app.databases.use(.sqlite(.memory, sqlLogLevel: .debug), as: .sqlite)
        app.lifecycle.use(SQLiteBusyTimeout())
    case .postgres(let url, let searchPath):
        guard var config = try? SQLPostgresConfiguration(url: url) else {
            throw ConfigurationError(problems: ["PORTAL_DATABASE_URL is not a valid PostgreSQL URL (postgres://user:password@host:port/database)."])
        }
        if let searchPath { config.searchPath = [searchPath] }
        app.databases.use(.postgres(configuration: config, sqlLogLevel: .debug), as: .psql)
    }
}

/// Shuts a companion application (the back-office listener) down with the portal.
private struct ShutdownWith: LifecycleHandler {
    let other: Application
    func shutdownAsync(_ application: Application) async {
        try? await other.asyncShutdown()
    }
}
