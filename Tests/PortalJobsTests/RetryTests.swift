import Foundation
import PortalJobs
import PortalJobsTestSupport
import Testing

@Suite("Retries, backoff, dead jobs")
struct RetryTests {
    let policy = RetryPolicy(base: 10, factor: 2, maximum: 3600, jitter: 0.2)

    @Test("a failing job backs off with seeded jitter, dies after its attempts, and can be retried by hand",
          arguments: TestBackend.allCases)
    func backoffDeadRetry(backend: TestBackend) async throws {
        try await withHarness(backend) { h in
            let job = try await h.queue.enqueue(kind: "always-fails", payload: Empty())
            let worker = try h.worker(retry: policy)
            // The worker's generator is SeededRandom(seed: 42): replay it.
            var replay = SeededRandom(seed: 42)
            for attempt in 1...2 {
                let failedAt = h.clock.now()
                #expect(try await worker.runUntilIdle() == 1)
                let after = try await h.job(job.id)
                let expected = policy.delay(afterAttempt: attempt, using: &replay)
                #expect(after.state == .failed)
                #expect(after.attempts == attempt)
                #expect(after.lastError?.contains("upstream unavailable (attempt \(attempt))") == true)
                #expect(abs(after.runAt.timeIntervalSince(failedAt) - expected) < 0.002)
                #expect(try await worker.runUntilIdle() == 0, "not before its backoff has passed")
                h.clock.set(after.runAt)
            }
            #expect(try await worker.runUntilIdle() == 1)
            let dead = try await h.job(job.id)
            #expect(dead.state == .dead)
            #expect(dead.attempts == 3)
            #expect(dead.lastError?.contains("attempt 3") == true)
            #expect(h.queue.expectedStart(of: dead) == nil)
            h.clock.advance(by: 86_400)
            #expect(try await worker.runUntilIdle() == 0, "a dead job stays dead")

            let retried = try await h.queue.retry(job.id)
            #expect(retried.state == .available)
            #expect(retried.attempts == 0)
            #expect(try await worker.runUntilIdle() == 1)
            #expect(try await h.job(job.id).attempts == 1)
        }
    }

    @Test("only failed or dead jobs can be retried by hand", arguments: TestBackend.allCases)
    func retryRefused(backend: TestBackend) async throws {
        try await withHarness(backend) { h in
            let job = try await h.queue.enqueue(kind: "noop", payload: Empty())
            try await h.worker().runUntilIdle()
            await #expect(throws: JobQueueError.notRetryable(id: job.id, state: .succeeded)) {
                try await h.queue.retry(job.id)
            }
            await #expect(throws: JobQueueError.notFound(999_999)) { try await h.queue.retry(999_999) }
        }
    }

    @Test("a job whose worker keeps dying ends dead instead of looping", arguments: TestBackend.allCases)
    func expiredLeasesCount(backend: TestBackend) async throws {
        try await withHarness(backend) { h in
            let job = try await h.queue.enqueue(kind: "always-fails", payload: Empty())
            for _ in 1...3 {
                let claimed = try await h.queue.claim(limit: 1, kinds: ["always-fails"], owner: "doomed", lease: .seconds(30))
                #expect(claimed.map(\.id) == [job.id])
                #expect(try await h.queue.reapExpiredLeases().isEmpty, "the lease has not expired yet")
                h.clock.advance(by: 31)
                #expect(try await h.queue.reapExpiredLeases() == [job.id])
            }
            let after = try await h.job(job.id)
            #expect(after.state == .dead)
            #expect(after.lastError?.contains("lease expired") == true)
        }
    }

    @Test("backoff doubles per attempt, stays within the jitter and stops at the maximum")
    func policyShape() {
        var random = SeededRandom(seed: 7)
        let delays = (1...12).map { policy.delay(afterAttempt: $0, using: &random) }
        for (index, delay) in delays.enumerated() {
            let plain = min(3600, 10 * pow(2, Double(index)))
            #expect(delay >= plain * 0.8 && delay <= plain * 1.2)
        }
        #expect(delays[11] <= 3600 * 1.2)
        var again = SeededRandom(seed: 7)
        #expect((1...12).map { policy.delay(afterAttempt: $0, using: &again) } == delays)
        var noJitter = SeededRandom(seed: 1)
        #expect(RetryPolicy(base: 5, jitter: 0).delay(afterAttempt: 3, using: &noJitter) == 20)
    }
}
