import FluentPostgresDriver
import Foundation
import NIOConcurrencyHelpers
import PortalJobs
import Vapor
import PortalCore
import PortalWeb
import PortalMember
import PortalBackOffice

/// Runs the worker and the scheduler inside `portal serve` (the embedded
/// default), unless `--no-worker` or PORTAL_WORKER=false says another
/// process (`portal worker`) does it. Shutdown lets running jobs finish
/// for a grace period, then hands the rest back to the queue.
struct JobsLifecycle: LifecycleHandler {
    let tasks = NIOLockedValueBox<[Task<Void, Never>]>([])

    func didBootAsync(_ app: Application) async throws {
        let command = app.environment.arguments.dropFirst().first ?? "serve"
        guard command == "serve", app.portal.configuration.runWorkerInProcess else { return }
        tasks.withLockedValue { $0 = JobsRunner.start(app.portal.jobs, configuration: app.portal.configuration, logger: app.logger) }
    }

    func shutdownAsync(_ app: Application) async {
        let running = tasks.withLockedValue { tasks in defer { tasks = [] }; return tasks }
        guard !running.isEmpty else { return }
        await app.portal.jobs.worker.stop(grace: .seconds(20))
        for task in running { task.cancel() }
    }
}

/// Starts the long-running pieces of a worker process.
enum JobsRunner {
    static func start(_ jobs: JobsService, configuration: PortalConfiguration, logger: Logger) -> [Task<Void, Never>] {
        var tasks = [
            Task { await jobs.worker.run() },
            Task { await jobs.scheduler.run() },
        ]
        if case .postgres(let url, _) = configuration.database, let listener = PostgresWake.listener(url: url) {
            let worker = jobs.worker
            tasks.append(Task { await listener.run { worker.wake() } })
        }
        logger.notice("Background worker running (maintenance window \(configuration.maintenanceWindow))")
        return tasks
    }
}


enum PostgresWake {
    /// LISTEN needs its own connection, configured from the same URL as the pool.
    static func listener(url: String) -> PostgresWakeListener? {
        guard let configuration = try? SQLPostgresConfiguration(url: url) else { return nil }
        return PostgresWakeListener(configuration: configuration.coreConfiguration)
    }
}
