import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Prometheus
import PortalDomain
import PortalMail
import Vapor

/// What every part of the portal needs, built once in `configure` and handed
/// on: controllers read it from the request, job handlers are built from the
/// parts they need, commands from the application. Nothing else is kept in
/// `Application.storage`.
struct PortalServices: Sendable {
    let configuration: PortalConfiguration
    let clock: any PortalClock
    let catalogue: LocalizationCatalogue
    let tokens: TokenKeys
    let database: PortalDatabase
    /// The portal store and the member file.
    let archive: DocumentArchive
    /// PDF renderer and seal.
    let rendering: DocumentRendering
    let mailer: any Mailer
    let jobs: JobsService
    let signInLimiter: RateLimiter
    /// The eID provider sign-in starts with; nil when none is configured.
    let identityProvider: (any IdentityProvider)?
    let signIns: Counter
    let metrics: PrometheusCollectorRegistry

    /// The file outbox when no SMTP host is configured; nil with SMTP (mail leaves the server).
    var mailOutbox: MailOutbox? {
        (mailer as? FileMailer).map { MailOutbox(files: $0, host: PortalMails.host(configuration)) }
    }
}

/// The portal's database for services that outlive a request (jobs,
/// commands): Fluent's `Database` value belongs to one event loop, so each
/// use takes a fresh one from the pool, as `Application.db` does.
struct PortalDatabase: Sendable {
    let databases: Databases
    let eventLoopGroup: any EventLoopGroup
    let logger: Logger

    var db: any Database {
        guard let database = databases.database(logger: logger, on: eventLoopGroup.any()) else {
            preconditionFailure("configure registers the default database before the services are built")
        }
        return database
    }
}

extension Application {
    private struct ServicesKey: StorageKey { typealias Value = PortalServices }

    var portal: PortalServices {
        get {
            guard let services = storage[ServicesKey.self] else {
                preconditionFailure("makeApplication(configuration:) sets the portal services before any request")
            }
            return services
        }
        set { storage[ServicesKey.self] = newValue }
    }

    var jobs: JobsService { portal.jobs }
    var archive: DocumentArchive { portal.archive }
    package var documents: DocumentRendering { portal.rendering }
    var mailer: any Mailer { portal.mailer }
    var mailOutbox: MailOutbox? { portal.mailOutbox }
}

extension Request {
    var portal: PortalServices { application.portal }
    var clock: any PortalClock { application.portal.clock }
}

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
    app.portal = try makeServices(app, configuration: configuration, clock: clock, metrics: metrics)

    app.middleware = Middlewares()
    app.middleware.use(SecurityHeadersMiddleware(usesHTTPS: configuration.usesHTTPS))
    app.middleware.use(ErrorPageMiddleware())
    app.middleware.use(RequestGuardMiddleware())
    app.middleware.use(FileMiddleware(publicDirectory: configuration.resourcesDirectory.appendingPathComponent("Resources/Public").path + "/"))
    app.middleware.use(LanguageMiddleware())
    app.middleware.use(SessionMiddleware())
    app.middleware.use(CSRFMiddleware())

    try routes(app)
    app.lifecycle.use(StartupTasks())
    app.lifecycle.use(JobsLifecycle())
    let backOffice = try await BackOffice.makeApplication(for: app, registry: metrics)
    let backOfficeAddress = BindAddress.hostname(configuration.backOfficeHost, port: configuration.backOfficePort)
    app.servers.use { app in
        PortalServer(main: app.http.server.shared, backOffice: backOffice, address: backOfficeAddress)
    }
    app.lifecycle.use(ShutdownWith(other: backOffice))
    app.asyncCommands.use(ImportCommand(), as: "import")
    app.asyncCommands.use(WorkerCommand(), as: "worker")
    app.asyncCommands.use(JobsCommand(), as: "jobs")
    app.asyncCommands.use(RegistrationsCommand(), as: "registrations")
    app.asyncCommands.use(AccountCommand(), as: "account")
    app.asyncCommands.use(MigrateCommand(), as: "migrate")
    app.asyncCommands.use(DocumentsCommand(), as: "documents")
    app.asyncCommands.use(ContactCommand(), as: "contact")
    app.asyncCommands.use(PDFCommand(), as: "pdf")
}

/// The composition root: every service is made here, once, from the
/// configuration. Job handlers get the parts they need when a job runs
/// (the queue needs its handlers before the services that hold the queue exist).
private func makeServices(
    _ app: Application, configuration: PortalConfiguration, clock: any PortalClock, metrics: PrometheusCollectorRegistry
) throws -> PortalServices {
    let catalogue = try LocalizationCatalogue.load(from: configuration.resourcesDirectory.appendingPathComponent("Resources/Localization"))
    let database = PortalDatabase(databases: app.databases, eventLoopGroup: app.eventLoopGroup, logger: app.logger)
    let built = ServicesOnceBuilt()
    let services = PortalServices(
        configuration: configuration,
        clock: clock,
        catalogue: catalogue,
        tokens: TokenKeys(secret: configuration.sessionSecret),
        database: database,
        archive: try DocumentArchive.make(configuration: configuration, clock: clock, database: database.db),
        rendering: DocumentRendering(configuration: configuration),
        mailer: PortalMails.makeMailer(configuration),
        jobs: try JobsService(database: database.db, configuration: configuration, clock: clock,
                              registry: PortalJobHandlers.registry { built.services }),
        signInLimiter: RateLimiter(rule: configuration.signInRateLimit, clock: clock),
        identityProvider: configuration.devEIDEnabled ? DevEIDController() : nil,
        signIns: metrics.makeCounter(name: "portal_signins_total", help: "Completed eID sign-ins"),
        metrics: metrics
    )
    built.set(services)
    return services
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

func routes(_ app: Application) throws {
    try app.register(collection: StartController())
    try app.register(collection: HealthController())
    try app.register(collection: SessionController())
    try app.register(collection: MemberAreaController())
    try app.register(collection: RegistrationController())
    try app.register(collection: CardChangeController())
    try app.register(collection: InboxController())
    try app.register(collection: DocumentsController())
    try app.register(collection: CertificatesController())
    try app.register(collection: NotificationsController())
    try app.register(collection: ContactController())
    if app.portal.configuration.devEIDEnabled { try app.register(collection: DevMailboxController()) }
    try app.portal.identityProvider?.register(on: app)
}

/// Shuts a companion application (the back-office listener) down with the portal.
private struct ShutdownWith: LifecycleHandler {
    let other: Application
    func shutdownAsync(_ application: Application) async {
        try? await other.asyncShutdown()
    }
}
