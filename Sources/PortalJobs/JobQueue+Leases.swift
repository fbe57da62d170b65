import Foundation
import SQLKit

/// The worker side of the queue: claim, heartbeat, finish, reap, release.
/// Every write after the claim is guarded by `lease_owner`, so a worker that
/// lost its lease (expired, reaped, released) can no longer change the job.
extension JobQueue {
    /// Claims up to `limit` jobs of `kinds` whose `run_at` has come, in
    /// `run_at, id` order, and leases them to `owner` until now + `lease`.
    /// `owner` is the lease token written to `lease_owner`; `Worker` makes
    /// it unique per claim (`host:pid:random#n`).
    ///
    /// PostgreSQL: `FOR UPDATE SKIP LOCKED` lets many workers on many machines
    /// claim concurrently without waiting for, or double-claiming, each
    /// other's rows. SQLite: the single UPDATE … RETURNING is atomic because
    /// SQLite has one writer at a time.
    public func claim(limit: Int, kinds: [String], owner: String, lease: Duration) async throws -> [Job] {
        guard limit > 0, !kinds.isEmpty else { return [] }
        let now = clock.now()
        let nowMs = EpochMillis.from(now)
        let expires = EpochMillis.from(now.addingTimeInterval(lease.seconds))
        let kindBinds: [any Encodable & Sendable] = kinds
        let locking: SQLQueryString = flavor == .postgres ? "FOR UPDATE SKIP LOCKED" : ""
        let rows = try await database.raw("""
            UPDATE jobs SET state = 'running', attempts = attempts + 1, lease_owner = \(bind: owner),
                lease_expires_at = \(bind: expires), started_at = \(bind: nowMs), updated_at = \(bind: nowMs)
            WHERE id IN (
                SELECT id FROM jobs
                WHERE state IN ('scheduled', 'available', 'failed') AND run_at <= \(bind: nowMs)
                  AND kind IN (\(binds: kindBinds))
                ORDER BY run_at, id
                LIMIT \(bind: Int64(limit))
                \(locking)
            )
            RETURNING \(unsafeRaw: Job.columns)
            """).all()
        return try rows.map(Job.init(row:)).sorted { ($0.runAt, $0.id) < ($1.runAt, $1.id) }
    }

    /// Extends the leases still held; returns those that are.
    @discardableResult
    public func heartbeat(_ leases: [Lease], lease: Duration) async throws -> Set<Lease> {
        guard !leases.isEmpty else { return [] }
        let now = clock.now()
        let rows = try await database.raw("""
            UPDATE jobs SET lease_expires_at = \(bind: EpochMillis.from(now.addingTimeInterval(lease.seconds))),
                updated_at = \(bind: EpochMillis.from(now))
            WHERE state = 'running' AND \(Lease.match(leases))
            RETURNING id, lease_owner
            """).all()
        return Set(try rows.map(Lease.init(row:)))
    }

    /// Marks the job succeeded; pass the handler's transaction as `db` to
    /// commit its writes and the completion together.
    /// Throws `leaseLost` when `owner` no longer holds the job.
    public func markSucceeded(_ id: Int64, owner: String, on db: (any SQLDatabase)? = nil) async throws {
        let now = EpochMillis.from(clock.now())
        let rows = try await (db ?? database).raw("""
            UPDATE jobs SET state = 'succeeded', finished_at = \(bind: now), updated_at = \(bind: now),
                lease_owner = NULL, lease_expires_at = NULL
            WHERE id = \(bind: id) AND state = 'running' AND lease_owner = \(bind: owner)
            RETURNING id
            """).all()
        guard !rows.isEmpty else { throw JobQueueError.leaseLost(id) }
    }

    /// Records a failed attempt: back to `failed` with `run_at` = now + `delay`,
    /// or `dead` when the attempts are used up. Returns the new state, or nil
    /// when `owner` no longer held the job.
    @discardableResult
    public func markFailed(_ id: Int64, owner: String, error: String, retryDelay delay: TimeInterval) async throws -> JobState? {
        let now = clock.now()
        let nowMs = EpochMillis.from(now)
        let rows = try await database.raw("""
            UPDATE jobs SET
                state = CASE WHEN attempts >= max_attempts THEN 'dead' ELSE 'failed' END,
                run_at = CASE WHEN attempts >= max_attempts THEN run_at
                              ELSE \(bind: EpochMillis.from(now.addingTimeInterval(delay))) END,
                finished_at = CASE WHEN attempts >= max_attempts THEN \(bind: nowMs) ELSE NULL END,
                last_error = \(bind: String(error.prefix(4000))), updated_at = \(bind: nowMs),
                lease_owner = NULL, lease_expires_at = NULL
            WHERE id = \(bind: id) AND state = 'running' AND lease_owner = \(bind: owner)
            RETURNING state
            """).all()
        return try rows.first.flatMap { JobState(rawValue: try $0.decode(column: "state", as: String.self)) }
    }

    /// Makes jobs whose lease expired (their worker was killed or lost its
    /// database) available again; the lost attempt counts, so a job that
    /// kills every worker ends `dead` instead of looping. Returns their ids.
    @discardableResult
    public func reapExpiredLeases() async throws -> [Int64] {
        let nowMs = EpochMillis.from(clock.now())
        let rows = try await database.raw("""
            UPDATE jobs SET
                state = CASE WHEN attempts >= max_attempts THEN 'dead' ELSE 'available' END,
                finished_at = CASE WHEN attempts >= max_attempts THEN \(bind: nowMs) ELSE NULL END,
                last_error = \(bind: "lease expired: the worker holding the job stopped without finishing it"),
                lease_owner = NULL, lease_expires_at = NULL, updated_at = \(bind: nowMs)
            WHERE state = 'running' AND lease_expires_at < \(bind: nowMs)
            RETURNING id
            """).all()
        return try rows.map { try $0.decode(column: "id", as: Int64.self) }
    }

    /// Hands jobs back without counting the attempt (graceful shutdown whose
    /// grace period ran out). Returns the ids that were released.
    @discardableResult
    public func release(_ leases: [Lease]) async throws -> [Int64] {
        guard !leases.isEmpty else { return [] }
        let nowMs = EpochMillis.from(clock.now())
        let rows = try await database.raw("""
            UPDATE jobs SET state = 'available', attempts = attempts - 1, run_at = \(bind: nowMs),
                lease_owner = NULL, lease_expires_at = NULL, updated_at = \(bind: nowMs)
            WHERE state = 'running' AND \(Lease.match(leases))
            RETURNING id
            """).all()
        return try rows.map { try $0.decode(column: "id", as: Int64.self) }
    }
}

extension Duration {
    var seconds: TimeInterval {
        let (s, attos) = components
        return TimeInterval(s) + TimeInterval(attos) / 1e18
    }
}
