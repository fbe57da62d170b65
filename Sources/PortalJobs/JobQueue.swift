import Foundation
import Logging
import PortalDomain
import SQLKit

/// The durable job queue: a `jobs` table in the portal's own database.
///
/// Every method that writes takes an optional `db`: pass the `SQLDatabase`
/// of the caller's open transaction (for Fluent, `db as! SQLDatabase` inside
/// `db.transaction { db in … }`) and the job exists exactly when the caller's
/// change commits. Without it, the statement runs on `database` on its own.
/// Inside a transaction, always pass its `db`: a one-connection pool (SQLite)
/// would otherwise wait for itself.
public struct JobQueue: Sendable {
    public let database: any SQLDatabase
    public let registry: JobRegistry
    public let clock: any PortalClock
    public let maintenanceWindow: MaintenanceWindow
    public let flavor: DatabaseFlavor
    /// The PostgreSQL channel on which enqueue notifies idle workers.
    public static let notifyChannel = "portal_jobs"

    public init(
        database: any SQLDatabase,
        registry: JobRegistry,
        clock: any PortalClock,
        maintenanceWindow: MaintenanceWindow = .standard
    ) throws {
        self.database = database
        self.registry = registry
        self.clock = clock
        self.maintenanceWindow = maintenanceWindow
        self.flavor = try DatabaseFlavor(database)
    }

    /// Creates the queue's tables and indexes if they are missing.
    public func migrate() async throws {
        for statement in JobSchema.statements(for: flavor) {
            try await database.raw(SQLQueryString(statement)).run()
        }
    }

    /// Enqueues a job; with an `idempotencyKey` that already exists, returns
    /// the existing job instead of adding a second one.
    @discardableResult
    public func enqueue(
        kind: String,
        payload: some Encodable & Sendable,
        runAt: Date? = nil,
        idempotencyKey: String? = nil,
        subject: String? = nil,
        on db: (any SQLDatabase)? = nil
    ) async throws -> Job {
        let json = try JSONEncoder.portalJobs.encode(payload)
        return try await enqueue(kind: kind, payloadJSON: json, runAt: runAt, idempotencyKey: idempotencyKey, subject: subject, on: db)
    }

    @discardableResult
    public func enqueue(
        kind name: String,
        payloadJSON: Data,
        runAt: Date? = nil,
        idempotencyKey: String? = nil,
        subject: String? = nil,
        on db: (any SQLDatabase)? = nil
    ) async throws -> Job {
        let kind = try registry.kind(named: name)
        let db = db ?? database
        let now = clock.now()
        let start = max(runAt ?? now, now)
        let state: JobState = start > now ? .scheduled : .available
        let nowMs = EpochMillis.from(now)
        // `subject` is named only when given: a queue without the app's subject column still enqueues.
        let subjectColumn: SQLQueryString = subject == nil ? "" : ", subject"
        let subjectValue: SQLQueryString = subject.map { ", \(bind: $0)" } ?? ""
        let rows = try await db.raw("""
            INSERT INTO jobs (kind, payload, state, attempts, max_attempts, run_at, idempotency_key, created_at, updated_at\(subjectColumn))
            VALUES (\(bind: name), \(bind: String(decoding: payloadJSON, as: UTF8.self)), \(bind: state.rawValue), 0,
                    \(bind: Int64(kind.maxAttempts)), \(bind: EpochMillis.from(start)), \(bind: idempotencyKey),
                    \(bind: nowMs), \(bind: nowMs)\(subjectValue))
            ON CONFLICT (idempotency_key) DO NOTHING
            RETURNING \(unsafeRaw: Job.columns)
            """).all()
        if let row = rows.first {
            // Delivered by PostgreSQL only when the caller's transaction
            // commits, so a woken worker always finds the row.
            if flavor == .postgres && state == .available {
                try await db.raw("SELECT pg_notify(\(bind: Self.notifyChannel), \(bind: name))").run()
            }
            return try Job(row: row)
        }
        guard let key = idempotencyKey, let existing = try await find(key: key, on: db) else {
            throw JobQueueError.keyVanished(idempotencyKey ?? "")
        }
        return existing
    }

    public func find(_ id: Int64, on db: (any SQLDatabase)? = nil) async throws -> Job? {
        try await (db ?? database).raw("SELECT \(unsafeRaw: Job.columns) FROM jobs WHERE id = \(bind: id)")
            .first().map(Job.init(row:))
    }

    public func find(key: String, on db: (any SQLDatabase)? = nil) async throws -> Job? {
        try await (db ?? database).raw("SELECT \(unsafeRaw: Job.columns) FROM jobs WHERE idempotency_key = \(bind: key)")
            .first().map(Job.init(row:))
    }

    /// The newest jobs first, optionally in one state (for `portal jobs list`).
    public func list(state: JobState? = nil, limit: Int = 50) async throws -> [Job] {
        let filter: SQLQueryString = state.map { "WHERE state = \(bind: $0.rawValue)" } ?? ""
        return try await database.raw("""
            SELECT \(unsafeRaw: Job.columns) FROM jobs \(filter) ORDER BY id DESC LIMIT \(bind: Int64(limit))
            """).all().map(Job.init(row:))
    }

    /// Counts per state, for operators and metrics.
    public func counts() async throws -> [JobState: Int] {
        var counts: [JobState: Int] = [:]
        for row in try await database.raw("SELECT state, COUNT(*) AS n FROM jobs GROUP BY state").all() {
            if let state = JobState(rawValue: try row.decode(column: "state", as: String.self)) {
                counts[state] = Int(try row.decode(column: "n", as: Int64.self))
            }
        }
        return counts
    }
}
