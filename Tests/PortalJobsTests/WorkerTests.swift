import Foundation
import PortalJobs
import PortalJobsTestSupport
import SQLKit
import Testing

@Suite("Worker")
struct WorkerTests {
    @Test("complete { } commits the handler's writes and the completion together", arguments: TestBackend.allCases)
    func completeInOneTransaction(backend: TestBackend) async throws {
        let registry = Kinds.registry { registry in
            registry.register(JobKind(name: "transactional")) { context in
                try await context.complete { db in try await Kinds.recordRun(context, on: db) }
            }
        }
        try await withHarness(backend, registry: registry) { h in
            let job = try await h.queue.enqueue(kind: "transactional", payload: Empty())
            #expect(try await h.worker().runUntilIdle() == 1)
            #expect(try await h.job(job.id).state == .succeeded)
            #expect(try await h.runs(of: job.id) == 1)
        }
    }

    @Test("markSucceeded(on:) completes the job inside the app's own transaction", arguments: TestBackend.allCases)
    func completeInCallersTransaction(backend: TestBackend) async throws {
        let registry = Kinds.registry { registry in
            registry.register(JobKind(name: "own-transaction", maxAttempts: 2)) { context in
                // Stands for Fluent's `db.transaction { db in … }`.
                try await context.database.portalTransaction { db in
                    try await Kinds.recordRun(context, on: db)
                    try await context.markSucceeded(on: db)
                    if context.attempt == 1 { throw TestFailure("the app's transaction failed after all") }
                }
            }
        }
        try await withHarness(backend, registry: registry) { h in
            let job = try await h.queue.enqueue(kind: "own-transaction", payload: Empty())
            let worker = try h.worker(retry: RetryPolicy(base: 1, jitter: 0))
            try await worker.runUntilIdle()
            #expect(try await h.job(job.id).state == .failed, "rolled back: neither the write nor the completion")
            #expect(try await h.runs(of: job.id) == 0)
            h.clock.advance(by: 1)
            try await worker.runUntilIdle()
            #expect(try await h.job(job.id).state == .succeeded)
            #expect(try await h.runs(of: job.id) == 1)
        }
    }

    @Test("a handler that lost its lease has its writes rolled back", arguments: TestBackend.allCases)
    func lostLeaseRollsBack(backend: TestBackend) async throws {
        let registry = Kinds.registry { registry in
            registry.register(JobKind(name: "overtaken")) { context in
                // Another worker reaped and claimed the job meanwhile.
                try await context.database.raw(
                    "UPDATE jobs SET lease_owner = 'other-worker' WHERE id = \(bind: context.id)"
                ).run()
                try await context.complete { db in try await Kinds.recordRun(context, on: db) }
            }
        }
        try await withHarness(backend, registry: registry) { h in
            let job = try await h.queue.enqueue(kind: "overtaken", payload: Empty())
            try await h.worker().runUntilIdle()
            let after = try await h.job(job.id)
            #expect(try await h.runs(of: job.id) == 0)
            #expect(after.state == .running)
            #expect(after.leaseOwner == "other-worker")
        }
    }

    @Test("a stale attempt cannot finish a job that was claimed again, even by the same worker",
          arguments: TestBackend.allCases)
    func staleAttemptIsRefused(backend: TestBackend) async throws {
        try await withHarness(backend) { h in
            let job = try await h.queue.enqueue(kind: "noop", payload: Empty())
            _ = try await h.queue.claim(limit: 1, kinds: ["noop"], owner: "host:1:7#1", lease: .seconds(30))
            h.clock.advance(by: 31)
            #expect(try await h.queue.reapExpiredLeases() == [job.id])
            _ = try await h.queue.claim(limit: 1, kinds: ["noop"], owner: "host:1:7#2", lease: .seconds(30))

            await #expect(throws: JobQueueError.leaseLost(job.id)) {
                try await h.queue.markSucceeded(job.id, owner: "host:1:7#1")
            }
            #expect(try await h.queue.markFailed(job.id, owner: "host:1:7#1", error: "late", retryDelay: 0) == nil)
            #expect(try await h.queue.heartbeat([Lease(id: job.id, token: "host:1:7#1")], lease: .seconds(30)).isEmpty)
            let current = try await h.job(job.id)
            #expect(current.state == .running)
            #expect(current.leaseOwner == "host:1:7#2")
            #expect(current.attempts == 2)
        }
    }

    @Test("several workers drain 1,000 jobs and each runs exactly once", arguments: TestBackend.allCases)
    func concurrentWorkersRunEachJobOnce(backend: TestBackend) async throws {
        let registry = Kinds.registry { registry in
            registry.register(JobKind(name: "count")) { context in
                try await Kinds.recordRun(context, on: context.database, owner: context.job.leaseOwner?.components(separatedBy: "#").first)
            }
        }
        try await withHarness(backend, registry: registry) { h in
            let queue = h.queue
            try await h.sql.portalTransaction { tx in
                for n in 0..<1000 { try await queue.enqueue(kind: "count", payload: ["n": n], on: tx) }
            }
            // On PostgreSQL each worker has its own connections, as separate
            // processes would; SQLite has one writer, so they share one.
            let second = try await h.db.another()
            let workers = [try h.worker(owner: "worker-a"), try h.worker(owner: "worker-b", on: second)]
            let started = try await withThrowingTaskGroup(of: Int.self) { group in
                for worker in workers { group.addTask { try await worker.runUntilIdle() } }
                return try await group.reduce(0, +)
            }
            try await second.shutdown()

            #expect(started == 1000)
            #expect(try await h.runs() == 1000)
            let distinct = try await h.sql.raw("SELECT COUNT(DISTINCT job_id) AS n FROM runs").first()
            #expect(try distinct?.decode(column: "n", as: Int64.self) == 1000)
            #expect(try await h.queue.counts() == [.succeeded: 1000])
            let perOwner = try await h.sql.raw("SELECT owner, COUNT(*) AS n FROM runs GROUP BY owner").all()
            #expect(perOwner.count == 2, "both workers took part")
        }
    }

    @Test("a handler that runs past its timeout is cancelled and fails", arguments: TestBackend.allCases)
    func timeout(backend: TestBackend) async throws {
        let registry = Kinds.registry { registry in
            registry.register(JobKind(name: "slow", timeout: .milliseconds(100))) { _ in
                try await Task.sleep(for: .seconds(30))
            }
        }
        try await withHarness(backend, registry: registry) { h in
            let job = try await h.queue.enqueue(kind: "slow", payload: Empty())
            try await h.worker().runUntilIdle()
            let after = try await h.job(job.id)
            #expect(after.state == .failed)
            #expect(after.lastError?.contains("timeout") == true)
        }
    }

    @Test("stop() lets a short job finish within the grace period", arguments: TestBackend.allCases)
    func gracefulStopFinishes(backend: TestBackend) async throws {
        let registry = Kinds.registry { registry in
            registry.register(JobKind(name: "short")) { context in
                try await Task.sleep(for: .milliseconds(300))
                try await Kinds.recordRun(context, on: context.database)
            }
        }
        try await withHarness(backend, registry: registry) { h in
            let job = try await h.queue.enqueue(kind: "short", payload: Empty())
            let worker = try h.worker()
            let loop = Task { await worker.run() }
            try await waitUntil("the job is running") { try await h.job(job.id).state == .running }
            await worker.stop(grace: .seconds(20))
            await loop.value
            #expect(try await h.job(job.id).state == .succeeded)
            #expect(try await h.runs(of: job.id) == 1)
        }
    }

    @Test("stop() hands back a job that outlives the grace period", arguments: TestBackend.allCases)
    func gracefulStopReleases(backend: TestBackend) async throws {
        let registry = Kinds.registry { registry in
            registry.register(JobKind(name: "endless")) { context in
                try await Task.sleep(for: .seconds(3600))
                try await Kinds.recordRun(context, on: context.database)
            }
        }
        try await withHarness(backend, registry: registry) { h in
            let job = try await h.queue.enqueue(kind: "endless", payload: Empty())
            let worker = try h.worker()
            let loop = Task { await worker.run() }
            try await waitUntil("the job is running") { try await h.job(job.id).state == .running }
            await worker.stop(grace: .milliseconds(100))
            await loop.value
            let after = try await h.job(job.id)
            #expect(after.state == .available)
            #expect(after.attempts == 0)
            #expect(after.leaseOwner == nil)
            #expect(try await h.runs(of: job.id) == 0)
        }
    }
}

/// Polls `condition` (real time) until it holds; fails after `seconds`.
/// Only for waiting on other tasks or processes, never for business time.
func waitUntil(_ what: String, seconds: Double = 30, _ condition: () async throws -> Bool) async throws {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if try await condition() { return }
        try await Task.sleep(for: .milliseconds(20))
    }
    throw TestFailure("timed out after \(seconds) s waiting until \(what)")
}
