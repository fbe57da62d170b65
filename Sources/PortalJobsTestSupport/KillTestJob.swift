import PortalJobs
import SQLKit

/// The job of the SIGKILL test: it writes its side effect (once per job,
/// through the ledger) and then, in the child process, blocks until killed.
public enum KillTestJob {
    public static let kind = JobKind(name: "kill-test", maxAttempts: 5, timeout: .seconds(3600))
    public static let effectWrittenLine = "EFFECT_WRITTEN"

    public static func createEffectsTable(on db: any SQLDatabase) async throws {
        try await db.raw("CREATE TABLE kill_effects (job_id BIGINT NOT NULL, attempt BIGINT NOT NULL)").run()
    }

    public static func effectCount(jobID: Int64, on db: any SQLDatabase) async throws -> Int {
        let row = try await db.raw("SELECT COUNT(*) AS n FROM kill_effects WHERE job_id = \(bind: jobID)").first()
        return Int(try row?.decode(column: "n", as: Int64.self) ?? 0)
    }

    public static func handler(blockAfterEffect: Bool, announce: @escaping @Sendable () -> Void = {}) -> JobHandler {
        { context in
            let id = context.id, attempt = Int64(context.attempt)
            try await context.once(key: "kill-test-effect:\(id)") { db in
                try await db.raw("INSERT INTO kill_effects (job_id, attempt) VALUES (\(bind: id), \(bind: attempt))").run()
            }
            guard blockAfterEffect else { return }
            announce()
            while true { try await Task.sleep(for: .seconds(3600)) }
        }
    }
}
