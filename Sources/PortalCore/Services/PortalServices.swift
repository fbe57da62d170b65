import Fluent
import Foundation
import Prometheus
import PortalDomain
import PortalMail
import Vapor

/// What every part of the portal needs, built once in `configure` and handed
/// on by initialiser: controllers and job handlers get the parts they use,
/// commands the whole value; only middleware and views read it from the
/// request. Nothing else is kept in `Application.storage`.
package struct PortalServices: Sendable {
    package let configuration: PortalConfiguration
    package let clock: any PortalClock
    package let catalogue: LocalizationCatalogue
    package let tokens: TokenKeys
    package let database: PortalDatabase
    /// The portal store and the member file.
    package let archive: DocumentArchive
    /// PDF renderer and seal.
    package let rendering: DocumentRendering
    package let mailer: any Mailer
    package let jobs: JobsService
    package let signInLimiter: RateLimiter
    package let signIns: Counter
    package let metrics: PrometheusCollectorRegistry

    /// The file outbox when no SMTP host is configured; nil with SMTP (mail leaves the server).
    package var mailOutbox: MailOutbox? {
        (mailer as? FileMailer).map { MailOutbox(files: $0, host: PortalMails.host(configuration)) }
    }
}

/// The portal's database for services that outlive a request (jobs,
/// commands): Fluent's `Database` value belongs to one event loop, so each
/// use takes a fresh one from the pool, as `Application.db` does.
package struct PortalDatabase: Sendable {
    package let databases: Databases
    package let eventLoopGroup: any EventLoopGroup
    package let logger: Logger

    package var db: any Database {
        guard let database = databases.database(logger: logger, on: eventLoopGroup.any()) else {
            preconditionFailure("configure registers the default database before the services are built")
        }
        return database
    }
}

extension Application {
    private struct ServicesKey: StorageKey { typealias Value = PortalServices }

    package var portal: PortalServices {
        get {
            guard let services = storage[ServicesKey.self] else {
                preconditionFailure("makeApplication(configuration:) sets the portal services before any request")
            }
            return services
        }
        set { storage[ServicesKey.self] = newValue }
    }
}

extension Request {
    package var portal: PortalServices { application.portal }
    package var clock: any PortalClock { application.portal.clock }
}

/// The composition root: every service is made here, once, from the
/// configuration. Job handlers get the parts they need when a job runs
/// (the queue needs its handlers before the services that hold the queue exist).
extension PortalServices {
    package static func make(
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
            signIns: metrics.makeCounter(name: "portal_signins_total", help: "Completed eID sign-ins"),
            metrics: metrics
        )
        built.set(services)
        return services
    }
}
