import Foundation
import PortalDomain
import PortalJobs
import PortalJobsTestSupport
import Testing

@Suite("Maintenance window deferral")
struct WindowTests {
    // 2026-11-30 in Berlin is UTC+1: 03:30 local = 02:30Z, 05:00 local = 04:00Z.
    @Test("a window-bound job enqueued at 03:30 waits and runs at 05:00", arguments: TestBackend.allCases)
    func deferredUntilFive(backend: TestBackend) async throws {
        try await withHarness(backend, at: utc("2026-11-30T02:30:00Z")) { h in
            let matching = try await h.queue.enqueue(kind: "registration-matching", payload: Empty())
            let mail = try await h.queue.enqueue(kind: "record", payload: Empty())
            #expect(h.queue.expectedStart(of: matching) == utc("2026-11-30T04:00:00Z"))
            #expect(h.queue.expectedStart(of: mail) == utc("2026-11-30T02:30:00Z"))
            let worker = try h.worker()

            #expect(try await worker.runUntilIdle() == 1, "only the job that is not window-bound")
            #expect(try await h.job(mail.id).state == .succeeded)
            h.clock.set(utc("2026-11-30T03:59:59Z")) // 04:59:59
            #expect(try await worker.runUntilIdle() == 0)
            #expect(try await h.job(matching.id).state == .available)
            #expect(h.queue.expectedStart(of: try await h.job(matching.id)) == utc("2026-11-30T04:00:00Z"))

            h.clock.set(utc("2026-11-30T04:00:00Z")) // 05:00
            #expect(try await worker.runUntilIdle() == 1)
            let done = try await h.job(matching.id)
            #expect(done.state == .succeeded)
            #expect(done.startedAt == utc("2026-11-30T04:00:00Z"))
        }
    }

    @Test("window-bound jobs start at 02:59 and at 05:00, not at 03:00 or 04:59", arguments: [
        (TestBackend.sqlite, "2026-11-30T01:59:00Z", true), (.sqlite, "2026-11-30T02:00:00Z", false),
        (.sqlite, "2026-11-30T03:59:00Z", false), (.sqlite, "2026-11-30T04:00:00Z", true),
        (.postgres, "2026-11-30T01:59:00Z", true), (.postgres, "2026-11-30T02:00:00Z", false),
        (.postgres, "2026-11-30T03:59:00Z", false), (.postgres, "2026-11-30T04:00:00Z", true),
    ])
    func edges(backend: TestBackend, instant: String, starts: Bool) async throws {
        try await withHarness(backend, at: utc(instant)) { h in
            let job = try await h.queue.enqueue(kind: "registration-matching", payload: Empty())
            #expect(try await h.worker().runUntilIdle() == (starts ? 1 : 0))
            #expect((h.queue.expectedStart(of: job) == utc(instant)) == starts)
        }
    }

    // 2026-03-29: 02:00 CET jumps to 03:00 CEST at 01:00Z; 05:00 CEST is 03:00Z.
    @Test("across the spring DST change the job waits for 05:00 CEST", arguments: TestBackend.allCases)
    func springForward(backend: TestBackend) async throws {
        try await withHarness(backend, at: utc("2026-03-29T00:59:00Z")) { h in
            let worker = try h.worker()
            h.clock.set(utc("2026-03-29T01:00:00Z")) // 03:00 CEST, a minute after 01:59 CET
            let job = try await h.queue.enqueue(kind: "registration-matching", payload: Empty())
            #expect(h.queue.expectedStart(of: job) == utc("2026-03-29T03:00:00Z"))
            h.clock.set(utc("2026-03-29T02:59:59Z"))
            #expect(try await worker.runUntilIdle() == 0)
            h.clock.set(utc("2026-03-29T03:00:00Z"))
            #expect(try await worker.runUntilIdle() == 1)
        }
    }

    // 2026-10-25: 03:00 CEST goes back to 02:00 CET at 01:00Z; 03:00 CET is 02:00Z.
    @Test("across the autumn DST change the repeated 02:xx hour is free, 03:00-05:00 CET is not",
          arguments: TestBackend.allCases)
    func fallBack(backend: TestBackend) async throws {
        try await withHarness(backend, at: utc("2026-10-25T01:30:00Z")) { h in // 02:30 CET, second pass
            let early = try await h.queue.enqueue(kind: "registration-matching", payload: Empty())
            #expect(h.queue.expectedStart(of: early) == utc("2026-10-25T01:30:00Z"))
            #expect(try await h.worker().runUntilIdle() == 1)

            h.clock.set(utc("2026-10-25T02:00:00Z")) // 03:00 CET
            let late = try await h.queue.enqueue(kind: "registration-matching", payload: Empty())
            #expect(h.queue.expectedStart(of: late) == utc("2026-10-25T04:00:00Z"))
            #expect(try await h.worker().runUntilIdle() == 0)
        }
    }

    @Test("a configured window is honoured", arguments: TestBackend.allCases)
    func configuredWindow(backend: TestBackend) async throws {
        let window = try #require(MaintenanceWindow("22:00-23:30"))
        try await withHarness(backend, at: utc("2026-11-30T21:15:00Z"), window: window) { h in // 22:15
            let job = try await h.queue.enqueue(kind: "registration-matching", payload: Empty())
            #expect(h.queue.expectedStart(of: job) == utc("2026-11-30T22:30:00Z"))
            #expect(try await h.worker().runUntilIdle() == 0)
        }
    }
}
