import NIOConcurrencyHelpers
import PortalJobs

/// Which code runs each kind of job, and with what. Each handler is built
/// from the few services it uses, never from the whole application.
package enum PortalJobHandlers {
    /// `services` is read when a job runs: the registry is made before the
    /// services that hold the queue exist.
    package static func registry(_ services: @escaping @Sendable () -> PortalServices) -> JobRegistry {
        var registry = JobRegistry()
        registry.register(PortalJobKinds.registrationMatch) { context in
            let s = services()
            try await RegistrationMatching(database: s.database, clock: s.clock, jobs: s.jobs, retiredCards: s.tokens.retiredCards)
                .run(context)
        }
        registry.register(PortalJobKinds.certificateGenerate) { context in
            let s = services()
            try await CertificateGeneration(database: s.database, clock: s.clock, fund: s.configuration.fund, texts: s.catalogue,
                                            renderer: s.rendering, archive: s.archive).run(context)
        }
        registry.register(PortalJobKinds.applicationFile) { context in
            let s = services()
            try await ApplicationFiling(database: s.database, clock: s.clock, fund: s.configuration.fund, texts: s.catalogue,
                                        renderer: s.rendering, archive: s.archive, jobs: s.jobs).run(context)
        }
        registry.register(PortalJobKinds.documentRestore) { context in
            let s = services()
            try await DocumentRestore(database: s.database, clock: s.clock, archive: s.archive).run(context)
        }
        registry.register(PortalJobKinds.retentionSweep) { context in
            let s = services()
            _ = try await s.archive.sweep(on: s.database.db)
            let orphans = try await s.archive.sweepOrphans(on: s.database.db)
            if orphans > 0 { context.logger.notice("orphaned portal copies deleted", metadata: ["count": .stringConvertible(orphans)]) }
        }
        registry.register(PortalJobKinds.mailSend) { context in
            let s = services()
            try await PortalMails.Sending(database: s.database, clock: s.clock, configuration: s.configuration,
                                          catalogue: s.catalogue, mailer: s.mailer).send(context)
        }
        registry.register(PortalJobKinds.notificationDispatch) { _ in
            let s = services()
            try await NotificationDispatch(database: s.database, clock: s.clock, quietPeriod: s.configuration.notificationQuietPeriod,
                                           jobs: s.jobs).run()
        }
        registry.register(PortalJobKinds.sessionCleanup) { _ in
            let s = services()
            try await SessionCleanup(database: s.database, clock: s.clock, configuration: s.configuration).run()
        }
        registry.register(PortalJobKinds.backup) { context in
            let s = services()
            try await BackupJob(database: s.database, clock: s.clock, configuration: s.configuration, logger: context.logger).run()
        }
        registry.register(PortalJobKinds.draftExpiry) { _ in
            let s = services()
            try await DraftExpiry(database: s.database, clock: s.clock, texts: s.catalogue).run()
        }
        registry.register(PortalJobKinds.jobPruning) { context in
            let s = services()
            try await JobPruning(clock: s.clock, retention: s.configuration.jobRetention, queue: s.jobs.queue,
                                 outbox: s.mailOutbox, logger: context.logger).run()
        }
        return registry
    }
}

/// The services, set once right after they are made; read by job handlers.
package final class ServicesOnceBuilt: Sendable {
    private let box = NIOLockedValueBox<PortalServices?>(nil)

    package func set(_ services: PortalServices) {
        box.withLockedValue { $0 = services }
    }

    package var services: PortalServices {
        guard let services = box.withLockedValue({ $0 }) else {
            preconditionFailure("a job ran before makeServices finished")
        }
        return services
    }
}
