import Foundation
import PortalDomain
import PortalJobs
import PortalJobsTestSupport
import SQLKit
import Testing

/// An instant written in UTC.
func utc(_ text: String) -> Date {
    ISO8601DateFormatter().date(from: text)!
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A migrated queue on a fresh database with a test clock.
struct Harness {
    let db: TestDatabase
    let clock: TestClock
    let queue: JobQueue

    var sql: any SQLDatabase { db.sql }

    /// A worker with test defaults: seeded jitter, fast polling.
    func worker(concurrency: Int = 4, owner: String = "test-worker", retry: RetryPolicy = RetryPolicy(),
                on database: TestDatabase? = nil, lease: Duration = .seconds(60)) throws -> Worker {
        let queue = try JobQueue(
            database: (database ?? db).sql, registry: queue.registry, clock: clock,
            maintenanceWindow: queue.maintenanceWindow
        )
        return Worker(
            queue: queue,
            options: WorkerOptions(concurrency: concurrency, pollInterval: .milliseconds(20), lease: lease,
                                   retryPolicy: retry, owner: owner),
            random: SeededRandom(seed: 42)
        )
    }

    func job(_ id: Int64) async throws -> Job {
        try #require(try await queue.find(id))
    }

    /// Rows in the `runs` table that recording handlers write.
    func runs(of id: Int64? = nil) async throws -> Int {
        let filter: SQLQueryString = id.map { "WHERE job_id = \(bind: $0)" } ?? ""
        let row = try await sql.raw("SELECT COUNT(*) AS n FROM runs \(filter)").first()
        return Int(try row?.decode(column: "n", as: Int64.self) ?? 0)
    }
}

/// Runs `body` on a fresh database of `backend` and removes it afterwards.
func withHarness(
    _ backend: TestBackend,
    at start: Date = utc("2026-11-30T10:00:00Z"),
    registry: JobRegistry = Kinds.registry(),
    window: MaintenanceWindow = .standard,
    _ body: (Harness) async throws -> Void
) async throws {
    let db = try await TestDatabase.make(backend)
    do {
        let clock = TestClock(start)
        let queue = try JobQueue(database: db.sql, registry: registry, clock: clock, maintenanceWindow: window)
        try await queue.migrate()
        try await db.sql.raw("CREATE TABLE runs (job_id BIGINT NOT NULL, attempt BIGINT NOT NULL, owner TEXT)").run()
        try await body(Harness(db: db, clock: clock, queue: queue))
    } catch {
        try? await db.shutdown()
        throw error
    }
    try await db.shutdown()
}

/// Job kinds the tests use.
enum Kinds {
    static let noop = JobKind(name: "noop")
    /// Writes one row to `runs` per attempt (no ledger: duplicates show).
    static let record = JobKind(name: "record")
    static let matching = JobKind(name: "registration-matching", windowBound: true)
    static let alwaysFails = JobKind(name: "always-fails", maxAttempts: 3)

    static func registry(extra: (inout JobRegistry) -> Void = { _ in }) -> JobRegistry {
        var registry = JobRegistry()
        registry.register(noop) { _ in }
        registry.register(record) { context in try await recordRun(context, on: context.database) }
        registry.register(matching) { context in try await recordRun(context, on: context.database) }
        registry.register(alwaysFails) { context in throw TestFailure("upstream unavailable (attempt \(context.attempt))") }
        extra(&registry)
        return registry
    }

    static func recordRun(_ context: JobContext, on db: any SQLDatabase, owner: String? = nil) async throws {
        try await db.raw("""
            INSERT INTO runs (job_id, attempt, owner) VALUES (\(bind: context.id), \(bind: Int64(context.attempt)), \(bind: owner))
            """).run()
    }
}

struct Empty: Codable, Sendable {}
