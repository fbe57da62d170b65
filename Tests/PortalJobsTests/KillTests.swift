import Foundation
import PortalDomain
import PortalJobs
import PortalJobsTestSupport
import Testing

@Suite("A worker killed mid-job")
struct KillTests {
    @Test("after SIGKILL the job runs again once its lease expires; its side effect exists once",
          arguments: TestBackend.allCases)
    func sigkillMidJob(backend: TestBackend) async throws {
        var registry = JobRegistry()
        registry.register(KillTestJob.kind, handler: KillTestJob.handler(blockAfterEffect: false))
        // The child runs on the wall clock, so this test's clock starts there.
        try await withHarness(backend, at: Date(), registry: registry) { h in
            try await KillTestJob.createEffectsTable(on: h.sql)
            let job = try await h.queue.enqueue(kind: KillTestJob.kind.name, payload: Empty())

            let child = try Process.testWorker(arguments: ["block", backend.rawValue, h.db.location, h.db.schema])
            defer { if child.isRunning { kill(child.processIdentifier, SIGKILL) } }
            try await waitUntil("the child has written the side effect", seconds: 60) {
                try await KillTestJob.effectCount(jobID: job.id, on: h.sql) == 1
            }
            kill(child.processIdentifier, SIGKILL)
            child.waitUntilExit()
            #expect(child.terminationReason == .uncaughtSignal)

            let orphaned = try await h.job(job.id)
            #expect(orphaned.state == .running)
            #expect(orphaned.leaseOwner?.hasPrefix("kill-test-child:") == true)
            let worker = try h.worker()
            #expect(try await worker.runUntilIdle() == 0, "the lease (30 s) has not expired yet")

            h.clock.set(Date().addingTimeInterval(60))
            #expect(try await worker.runUntilIdle() == 1)
            let done = try await h.job(job.id)
            #expect(done.state == .succeeded)
            #expect(done.attempts == 2)
            #expect(try await KillTestJob.effectCount(jobID: job.id, on: h.sql) == 1)
        }
    }
}

extension Process {
    /// Starts the PortalJobsTestWorker executable built next to the tests
    /// (or the one named by PORTAL_JOBS_TEST_WORKER).
    static func testWorker(arguments: [String]) throws -> Process {
        let environment = ProcessInfo.processInfo.environment
        let candidates = [
            environment["PORTAL_JOBS_TEST_WORKER"],
            Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent()
                .appendingPathComponent("PortalJobsTestWorker").path,
            URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
                .appendingPathComponent("PortalJobsTestWorker").path,
        ].compactMap { $0 }
        guard let path = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw TestFailure("PortalJobsTestWorker not found (looked at \(candidates)); build it or set PORTAL_JOBS_TEST_WORKER")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return process
    }
}
