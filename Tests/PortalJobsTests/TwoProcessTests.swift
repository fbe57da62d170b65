import Foundation
import PortalJobs
import PortalJobsTestSupport
import Testing

@Suite("Two worker processes")
struct TwoProcessTests {
    @Test("two worker processes on PostgreSQL drain 1,000 jobs; every job succeeds exactly once",
          arguments: [TestBackend.postgres])
    func twoProcessesDrain(backend: TestBackend) async throws {
        try await withHarness(backend, at: Date(), registry: DrainTestJob.registry(owner: "test")) { h in
            try await DrainTestJob.createTables(on: h.sql)
            let children = try (0..<2).map { _ in
                try Process.testWorker(arguments: ["drain", backend.rawValue, h.db.location, h.db.schema])
            }
            defer { for child in children where child.isRunning { kill(child.processIdentifier, SIGKILL) } }
            try await waitUntil("both processes are connected", seconds: 60) {
                try await DrainTestJob.count("SELECT COUNT(*) AS n FROM drain_ready", on: h.sql) == 2
            }
            let queue = h.queue
            try await h.sql.portalTransaction { tx in
                for n in 0..<1000 { try await queue.enqueue(kind: DrainTestJob.kind.name, payload: ["n": n], on: tx) }
            }
            try await waitUntil("both processes have exited", seconds: 120) { children.allSatisfy { !$0.isRunning } }

            #expect(children.map(\.terminationStatus) == [0, 0])
            #expect(try await DrainTestJob.count("SELECT COUNT(*) AS n FROM drain_runs", on: h.sql) == 1000)
            #expect(try await DrainTestJob.count("SELECT COUNT(DISTINCT job_id) AS n FROM drain_runs", on: h.sql) == 1000)
            #expect(try await h.queue.counts() == [.succeeded: 1000])
            #expect(try await DrainTestJob.count("SELECT COUNT(DISTINCT owner) AS n FROM drain_runs", on: h.sql) == 2,
                    "both processes took part")
        }
    }
}
