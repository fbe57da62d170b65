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

    /// Deletes succeeded and dead jobs that finished before `date`, and
    /// the ledger keys of jobs that no longer exist; returns the deleted jobs
    /// (so the caller can remove what they left outside the database).
    /// Payloads carry e-mail addresses and one-time links (GDPR Art. 5(1)(e):
    /// kept no longer than needed), so finished jobs do not stay forever; a
    /// dead job gets the same period for a person to look at it.
    @discardableResult
    public func pruneFinished(before date: Date) async throws -> [Job] {
        let cutoff = EpochMillis.from(date)
        let pruned = try await database.raw("""
            DELETE FROM jobs WHERE state IN ('succeeded', 'dead') AND finished_at < \(bind: cutoff) RETURNING \(unsafeRaw: Job.columns)
            """).all().map(Job.init(row:))
        // A key outlives its job by the same period: a job deleted above never runs again.
        try await database.raw("""
            DELETE FROM job_side_effects WHERE created_at < \(bind: cutoff)
                AND job_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM jobs WHERE jobs.id = job_side_effects.job_id)
            """).run()
        return pruned
    }
}

extension JobQueue {
    /// Deletes the given jobs in any state, inside the caller's transaction;
    /// returns what was deleted. For account termination (GDPR Art. 17): a
    /// running job that loses its row cannot complete (every write checks
    /// the lease) and leaves nothing behind.
    public static func delete(ids: [Int64], on db: any SQLDatabase) async throws -> [Job] {
        guard !ids.isEmpty else { return [] }
        let list = SQLList(ids.map { SQLBind($0) })
        return try await db.raw("DELETE FROM jobs WHERE id IN (\(list)) RETURNING \(unsafeRaw: Job.columns)")
            .all().map(Job.init(row:))
    }

    /// The ids of jobs stamped with `subject` (the app's `jobs.subject` column).
    public static func ids(subject: String, on db: any SQLDatabase) async throws -> [Int64] {
        try await db.raw("SELECT id FROM jobs WHERE subject = \(bind: subject)").all()
            .map { try $0.decode(column: "id", as: Int64.self) }
    }

    /// Jobs of `kind` whose payload contains `text`, case-insensitively: a
    /// coarse search the caller confirms by decoding the payload.
    public static func jobs(kind: String, payloadContaining text: String, on db: any SQLDatabase) async throws -> [Job] {
        let escaped = text.lowercased().replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
        return try await db.raw("""
            SELECT \(unsafeRaw: Job.columns) FROM jobs
            WHERE kind = \(bind: kind) AND LOWER(payload) LIKE \(bind: "%" + escaped + "%") ESCAPE '\\'
            """).all().map(Job.init(row:))
    }
}
