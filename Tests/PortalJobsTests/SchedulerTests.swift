import Foundation
import PortalJobs
import PortalJobsTestSupport
import Testing

@Suite("Scheduler")
struct SchedulerTests {
    @Test("two schedulers enqueue each slot exactly once", arguments: TestBackend.allCases)
    func oncePerSlot(backend: TestBackend) async throws {
        try await withHarness(backend, at: utc("2026-11-30T00:00:00Z")) { h in
            let recurring = [
                try RecurringJob(name: "backup", schedule: CronSchedule("30 3 * * *"), kind: "noop"),
                try RecurringJob(name: "session-cleanup", schedule: CronSchedule("*/15 * * * *"), kind: "noop"),
            ]
            let other = try await h.db.another()
            let otherQueue = try JobQueue(database: other.sql, registry: h.queue.registry, clock: h.clock)
            let first = Scheduler(queue: h.queue, jobs: recurring)
            let second = Scheduler(queue: otherQueue, jobs: recurring)

            for _ in 0..<24 { // six hours in quarter-hour steps, both ticking at once
                h.clock.advance(by: 15 * 60)
                async let a = first.tick()
                async let b = second.tick()
                let (fromFirst, fromSecond) = try await (a, b)
                #expect(fromFirst.map(\.id) == fromSecond.map(\.id), "both see the same job per slot")
            }
            try await other.shutdown()

            let jobs = try await h.queue.list(limit: 100)
            let keys = jobs.compactMap(\.idempotencyKey)
            #expect(jobs.count == 25) // 24 quarter hours + one backup at 03:30 CET
            #expect(Set(keys).count == 25)
            #expect(keys.contains("cron:backup:2026-11-30T02:30:00Z"))
            #expect(keys.contains("cron:session-cleanup:2026-11-30T06:00:00Z"))
            #expect(!keys.contains("cron:session-cleanup:2026-11-30T00:00:00Z"), "the start instant is not a new slot")
        }
    }

    @Test("a scheduler that missed ticks catches up every slot once", arguments: TestBackend.allCases)
    func catchesUp(backend: TestBackend) async throws {
        try await withHarness(backend, at: utc("2026-11-30T00:00:00Z")) { h in
            let hourly = try RecurringJob(name: "reminders", schedule: CronSchedule("0 * * * *"), kind: "noop")
            let scheduler = Scheduler(queue: h.queue, jobs: [hourly])
            h.clock.advance(by: 3 * 3600)
            #expect(try await scheduler.tick().count == 3)
            #expect(try await scheduler.tick().isEmpty)
            let restarted = Scheduler(queue: h.queue, jobs: [hourly], catchUp: 2 * 3600)
            #expect(try await restarted.tick().count == 2, "re-seen slots return the existing jobs")
            #expect(try await h.queue.list().count == 3)
        }
    }
}
