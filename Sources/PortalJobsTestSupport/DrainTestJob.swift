import PortalJobs
import SQLKit

/// The job of the two-process test: each run writes a row naming the
/// process, without the ledger, so that a job run twice shows twice.
public enum DrainTestJob {
    public static let kind = JobKind(name: "count")

    public static func createTables(on db: any SQLDatabase) async throws {
        try await db.raw("CREATE TABLE drain_runs (job_id BIGINT NOT NULL, owner TEXT NOT NULL)").run()
        try await db.raw("CREATE TABLE drain_ready (owner TEXT NOT NULL)").run()
    }

    public static func registry(owner: String) -> JobRegistry {
        var registry = JobRegistry()
        registry.register(kind) { context in
            try await context.database.raw(
                "INSERT INTO drain_runs (job_id, owner) VALUES (\(bind: context.id), \(bind: owner))"
            ).run()
        }
        return registry
    }

    public static func sayReady(owner: String, on db: any SQLDatabase) async throws {
        try await db.raw("INSERT INTO drain_ready (owner) VALUES (\(bind: owner))").run()
    }

    public static func count(_ sql: SQLQueryString, on db: any SQLDatabase) async throws -> Int {
        let row = try await db.raw(sql).first()
        return Int(try row?.decode(column: "n", as: Int64.self) ?? 0)
    }
}
