import Fluent
import Foundation
import Logging
import PortalDomain
import PortalJobs
import SQLKit
import Vapor

/// The portal's job queue, its worker and scheduler, built once per application.
package final class JobsService: Sendable {
    package let queue: JobQueue
    package let worker: Worker
    package let scheduler: Scheduler
    package let recurring: [RecurringJob]

    package init(database: any Database, configuration: PortalConfiguration, clock: any PortalClock, registry: JobRegistry) throws {
        queue = try JobQueue(database: try database.requireSQL(), registry: registry, clock: clock,
                             maintenanceWindow: configuration.maintenanceWindow)
        worker = Worker(queue: queue, options: WorkerOptions(concurrency: configuration.workerConcurrency),
                        logger: Logger(label: "portal.jobs.worker"))
        recurring = [
            try RecurringJob(name: "session-cleanup", schedule: CronSchedule("*/15 * * * *"), kind: PortalJobKinds.sessionCleanup.name),
            try RecurringJob(name: "document-retention", schedule: CronSchedule("15 2 * * *"), kind: PortalJobKinds.retentionSweep.name),
            try RecurringJob(name: "notifications", schedule: CronSchedule("* * * * *"), kind: PortalJobKinds.notificationDispatch.name),
            try RecurringJob(name: "backup", schedule: CronSchedule("30 3 * * *"), kind: PortalJobKinds.backup.name),
            try RecurringJob(name: "draft-expiry", schedule: CronSchedule("30 2 * * *"), kind: PortalJobKinds.draftExpiry.name),
            try RecurringJob(name: "job-pruning", schedule: CronSchedule("45 2 * * *"), kind: PortalJobKinds.jobPruning.name),
        ]
        scheduler = Scheduler(queue: queue, jobs: recurring)
    }

    /// Enqueues inside the caller's database transaction, so the job exists
    /// exactly when the domain change commits. A payload about a member
    /// stamps the job with that member (`subject`), so termination finds it.
    @discardableResult
    package func enqueue(_ kind: JobKind, payload: some Encodable & Sendable, runAt: Date? = nil, key: String? = nil,
                 on db: any Database) async throws -> Job {
        let subject = (payload as? any MemberJobPayload)?.memberID.map(JobSubject.member)
        return try await queue.enqueue(kind: kind.name, payload: payload, runAt: runAt, idempotencyKey: key, subject: subject,
                                       on: try db.requireSQL())
    }
}

/// A job payload that concerns one member (a mail to their address).
package protocol MemberJobPayload {
    var memberID: UUID? { get }
}

/// The `jobs.subject` values the portal writes.
package enum JobSubject {
    package static func member(_ id: UUID) -> String { "member:\(id.uuidString.lowercased())" }
}
