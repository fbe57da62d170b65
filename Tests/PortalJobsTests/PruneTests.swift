import Foundation
import PortalJobs
import PortalJobsTestSupport
import SQLKit
import Testing

@Suite("Pruning finished jobs")
struct PruneTests {
    /// Payloads hold addresses and links: finished jobs may not stay forever,
    /// while anything that can still run must stay whatever its age.
    @Test("succeeded and dead jobs older than the cutoff go, with their ledger keys; everything else stays",
          arguments: TestBackend.allCases)
    func pruneFinishedKeepsWhatCanStillRun(backend: TestBackend) async throws {
        try await withHarness(backend) { h in
            var ids: [String: Int64] = [:]
            for name in ["oldSucceeded", "oldDead", "recentSucceeded", "failed", "available", "running", "scheduled"] {
                ids[name] = try await h.queue.enqueue(kind: "noop", payload: ["to": "\(name)@example.org"]).id
            }
            let start = Int64((h.clock.now().timeIntervalSince1970 * 1000).rounded())
            let day: Int64 = 86_400_000
            func set(_ name: String, _ state: String, finished: Int64?) async throws {
                try await h.sql.raw("UPDATE jobs SET state = \(bind: state), finished_at = \(bind: finished) WHERE id = \(bind: ids[name]!)").run()
            }
            try await set("oldSucceeded", "succeeded", finished: start)
            try await set("oldDead", "dead", finished: start)
            try await set("recentSucceeded", "succeeded", finished: start + 3 * day)
            try await set("failed", "failed", finished: nil)
            try await set("running", "running", finished: nil)
            try await set("scheduled", "scheduled", finished: nil)
            for name in ["oldSucceeded", "recentSucceeded"] {
                try await h.sql.raw("""
                    INSERT INTO job_side_effects (key, job_id, created_at) VALUES (\(bind: "mail:\(name)"), \(bind: ids[name]!), \(bind: start))
                    """).run()
            }

            let pruned = try await h.queue.pruneFinished(before: h.clock.now().addingTimeInterval(2 * 86_400))

            #expect(Set(pruned.map(\.id)) == [ids["oldSucceeded"]!, ids["oldDead"]!])
            let left = try await h.queue.list(limit: 100).map(\.id)
            #expect(Set(left) == Set(["recentSucceeded", "failed", "available", "running", "scheduled"].map { ids[$0]! }))
            #expect(try await !SideEffectLedger.contains("mail:oldSucceeded", on: h.sql), "the key of a deleted job goes too")
            #expect(try await SideEffectLedger.contains("mail:recentSucceeded", on: h.sql))
        }
    }
}
