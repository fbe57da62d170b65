import Foundation
import SQLKit

extension JobQueue {
    /// Puts a failed or dead job back to `available` with its attempts reset
    /// (`portal jobs retry ID`). The last error stays for the record until the
    /// next attempt overwrites it.
    @discardableResult
    public func retry(_ id: Int64) async throws -> Job {
        let now = EpochMillis.from(clock.now())
        let rows = try await database.raw("""
            UPDATE jobs SET state = 'available', attempts = 0, run_at = \(bind: now), updated_at = \(bind: now),
                lease_owner = NULL, lease_expires_at = NULL, finished_at = NULL
            WHERE id = \(bind: id) AND state IN ('failed', 'dead')
            RETURNING \(unsafeRaw: Job.columns)
            """).all()
        if let row = rows.first {
            if flavor == .postgres {
                try await database.raw("SELECT pg_notify(\(bind: Self.notifyChannel), 'retry')").run()
            }
            return try Job(row: row)
        }
        guard let job = try await find(id) else { throw JobQueueError.notFound(id) }
        throw JobQueueError.notRetryable(id: id, state: job.state)
    }

    /// When the job is expected to start, so that a page can say
    /// "wird nach 05:00 Uhr bearbeitet": its `run_at` (or now, if that has
    /// passed), moved to the end of the maintenance window for window-bound
    /// kinds. A running or finished job answers when it started; a dead job
    /// never starts on its own and answers nil.
    public func expectedStart(of job: Job) -> Date? {
        switch job.state {
        case .running, .succeeded: return job.startedAt
        case .dead: return nil
        case .scheduled, .available, .failed:
            let earliest = max(job.runAt, clock.now())
            guard registry.kinds[job.kind]?.windowBound == true else { return earliest }
            return maintenanceWindow.nextAllowedStart(after: earliest)
        }
    }

    /// Deletes succeeded jobs that finished before `date`; returns how many.
    /// Dead jobs stay until a person has looked at them.
    @discardableResult
    public func pruneSucceeded(finishedBefore date: Date) async throws -> Int {
        try await database.raw("""
            DELETE FROM jobs WHERE state = 'succeeded' AND finished_at < \(bind: EpochMillis.from(date)) RETURNING id
            """).all().count
    }
}
