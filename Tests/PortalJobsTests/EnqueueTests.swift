import Foundation
import PortalJobs
import PortalJobsTestSupport
import SQLKit
import Testing

@Suite("Enqueue")
struct EnqueueTests {
    @Test("a job enqueued in a committed transaction exists", arguments: TestBackend.allCases)
    func committedTransaction(backend: TestBackend) async throws {
        try await withHarness(backend) { h in
            let queue = h.queue
            let id = try await h.sql.portalTransaction { tx in
                try await queue.enqueue(kind: "noop", payload: ["member": "99999/01"], on: tx).id
            }
            let job = try await h.job(id)
            #expect(job.state == .available)
            #expect(job.kind == "noop")
            #expect(try job.decodePayload([String: String].self) == ["member": "99999/01"])
            #expect(job.runAt == h.clock.now())
        }
    }

    @Test("a job enqueued in a rolled-back transaction does not exist", arguments: TestBackend.allCases)
    func rolledBackTransaction(backend: TestBackend) async throws {
        try await withHarness(backend) { h in
            let queue = h.queue
            await #expect(throws: TestFailure.self) {
                try await h.sql.portalTransaction { tx in
                    try await queue.enqueue(kind: "noop", payload: Empty(), on: tx)
                    throw TestFailure("the domain change failed")
                }
            }
            let jobs = try await h.queue.list()
            let ran = try await h.worker().runUntilIdle()
            #expect(jobs.isEmpty)
            #expect(ran == 0)
        }
    }

    @Test("the same idempotency key returns the existing job", arguments: TestBackend.allCases)
    func idempotencyKey(backend: TestBackend) async throws {
        try await withHarness(backend) { h in
            let first = try await h.queue.enqueue(kind: "noop", payload: ["n": 1], idempotencyKey: "welcome-mail:42")
            let second = try await h.queue.enqueue(kind: "noop", payload: ["n": 2], idempotencyKey: "welcome-mail:42")
            let other = try await h.queue.enqueue(kind: "noop", payload: ["n": 3], idempotencyKey: "welcome-mail:43")
            #expect(second.id == first.id)
            #expect(try second.decodePayload([String: Int].self) == ["n": 1])
            #expect(other.id != first.id)
            #expect(try await h.queue.list().count == 2)
        }
    }

    @Test("a job for later is scheduled and runs when its time has come", arguments: TestBackend.allCases)
    func runAtInTheFuture(backend: TestBackend) async throws {
        try await withHarness(backend) { h in
            let job = try await h.queue.enqueue(kind: "record", payload: Empty(), runAt: h.clock.now().addingTimeInterval(3600))
            #expect(job.state == .scheduled)
            let worker = try h.worker()
            #expect(try await worker.runUntilIdle() == 0)
            h.clock.advance(by: 3599)
            #expect(try await worker.runUntilIdle() == 0)
            h.clock.advance(by: 1)
            #expect(try await worker.runUntilIdle() == 1)
            #expect(try await h.job(job.id).state == .succeeded)
            #expect(try await h.runs(of: job.id) == 1)
        }
    }

    @Test("an unknown kind is refused", arguments: TestBackend.allCases)
    func unknownKind(backend: TestBackend) async throws {
        try await withHarness(backend) { h in
            await #expect(throws: JobQueueError.unknownKind("no-such-kind")) {
                try await h.queue.enqueue(kind: "no-such-kind", payload: Empty())
            }
        }
    }

    @Test("list filters by state and counts add up", arguments: TestBackend.allCases)
    func listAndCounts(backend: TestBackend) async throws {
        try await withHarness(backend) { h in
            let done = try await h.queue.enqueue(kind: "noop", payload: Empty())
            try await h.worker().runUntilIdle()
            let waiting = try await h.queue.enqueue(kind: "noop", payload: Empty())
            #expect(try await h.queue.list(state: .succeeded).map(\.id) == [done.id])
            #expect(try await h.queue.list(state: .available).map(\.id) == [waiting.id])
            #expect(try await h.queue.list().map(\.id) == [waiting.id, done.id])
            #expect(try await h.queue.counts() == [.succeeded: 1, .available: 1])
        }
    }
}
