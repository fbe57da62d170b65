import Foundation
import PortalJobs
import PortalJobsTestSupport
import PostgresKit
import Testing

/// A counter the notification callback bumps.
final class Counter: @unchecked Sendable {
    // @unchecked: `value` is only touched under `lock`.
    private let lock = NSLock()
    private var count = 0
    func bump() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}

@Suite("PostgreSQL LISTEN/NOTIFY")
struct ListenTests {
    @Test("an idle worker with a one-minute poll is woken by NOTIFY when a job is enqueued",
          arguments: [TestBackend.postgres])
    func notifyWakesWorker(backend: TestBackend) async throws {
        try await withHarness(backend, at: Date()) { h in
            let worker = Worker(queue: h.queue, options: WorkerOptions(pollInterval: .seconds(60), owner: "listener"))
            let loop = Task { await worker.run() }
            let wakes = Counter()
            let configuration = try SQLPostgresConfiguration(url: h.db.location).coreConfiguration
            let listener = Task {
                await PostgresWakeListener(configuration: configuration).run {
                    wakes.bump()
                    worker.wake()
                }
            }
            try await waitUntil("the listener is connected") { wakes.value >= 1 }
            try await Task.sleep(for: .milliseconds(300)) // let the worker settle into its long sleep

            let other = try await h.db.another()
            let job = try await JobQueue(database: other.sql, registry: h.queue.registry, clock: h.clock)
                .enqueue(kind: "record", payload: Empty())
            try await other.shutdown()
            try await waitUntil("the job ran", seconds: 10) { try await h.job(job.id).state == .succeeded }
            #expect(wakes.value >= 2, "a notification arrived")

            listener.cancel()
            await listener.value
            await worker.stop(grace: .seconds(5))
            await loop.value
        }
    }
}
