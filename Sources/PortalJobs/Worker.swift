import Foundation
import Logging

/// Claims jobs with a lease and runs their handlers.
///
/// `run()` loops until `stop()`: reap expired leases, claim as many jobs as
/// there are free slots, sleep until a job finishes, `wake()` is called
/// (LISTEN/NOTIFY, an in-process enqueue) or the poll interval has passed.
public actor Worker {
    public nonisolated let queue: JobQueue
    public nonisolated let options: WorkerOptions
    let logger: Logger
    private var random: AnyRandom
    private var running: [Lease: Task<Void, Never>] = [:]
    /// Numbers the claims, so each claim's lease token is unique (below).
    private var claims = 0
    private var stopping = false
    /// A claim in flight: `stop()` can run while `pollOnce` awaits the
    /// database (actor reentrancy), so it must wait for the claim to land.
    private var polling = false
    private var heartbeat: Task<Void, Never>?
    private var lastReap: Date?
    private nonisolated let doorbell = Doorbell()
    private nonisolated let jobFinished = Doorbell()

    public init(
        queue: JobQueue,
        options: WorkerOptions = WorkerOptions(),
        random: some RandomNumberGenerator & Sendable = SystemRandomNumberGenerator(),
        logger: Logger = Logger(label: "portal.jobs.worker")
    ) {
        self.queue = queue
        self.options = options
        self.random = AnyRandom(base: random)
        self.logger = logger
    }

    /// Wakes an idle worker at once (hook for LISTEN/NOTIFY or an enqueue
    /// in the same process).
    public nonisolated func wake() { doorbell.ring() }

    /// Runs until `stop()` is called.
    public func run() async {
        logger.info("job worker started", metadata: ["owner": "\(options.owner)"])
        startHeartbeat()
        while !stopping {
            do {
                try await pollOnce()
            } catch {
                logger.error("job poll failed", metadata: ["error": "\(error)"])
            }
            if !stopping { await doorbell.wait(timeout: options.pollInterval) }
        }
    }

    /// One round: reap, claim into free slots, start. Returns jobs started.
    @discardableResult
    public func pollOnce() async throws -> Int {
        guard !stopping, !polling else { return 0 }
        polling = true
        defer {
            polling = false
            jobFinished.ring()
        }
        let now = queue.clock.now()
        if lastReap.map({ now.timeIntervalSince($0) >= options.reapInterval.seconds || now < $0 }) ?? true {
            try await queue.reapExpiredLeases()
            lastReap = now
        }
        let free = options.concurrency - running.count
        guard free > 0 else { return 0 }
        // One token per claim, not per process: if this worker lost a lease
        // and claimed the same job again, the old attempt's late writes must
        // not pass the lease guard as if they were the new attempt's.
        claims += 1
        let token = "\(options.owner)#\(claims)"
        let jobs = try await queue.claim(
            limit: free, kinds: claimableKinds(at: queue.clock.now()), owner: token, lease: options.lease
        )
        for job in jobs { start(job, token: token) }
        if jobs.count == free { doorbell.ring() } // a full batch: more may wait
        return jobs.count
    }

    /// Runs jobs until none can be claimed now, waiting for each batch.
    /// For tests with a `TestClock` and for draining by hand.
    @discardableResult
    public func runUntilIdle() async throws -> Int {
        var total = 0
        while true {
            let started = try await pollOnce()
            total += started
            await waitForRunningJobs()
            if started == 0 { return total }
        }
    }

    /// Stops claiming, lets running jobs finish for up to `grace`, then
    /// hands the rest back (`available`, attempt not counted) and cancels
    /// their handlers, whose late writes the lease guard then refuses.
    public func stop(grace: Duration = .seconds(30)) async {
        stopping = true
        doorbell.ring()
        // A claim in flight is one statement: let it land (its jobs start
        // and get the grace period like the others) before releasing, or it
        // could take a job back after the release.
        while polling { await jobFinished.wait(timeout: .seconds(1)) }
        let deadline = ContinuousClock.now + grace
        while !running.isEmpty, ContinuousClock.now < deadline {
            await jobFinished.wait(timeout: deadline - ContinuousClock.now)
        }
        if !running.isEmpty {
            do {
                let released = try await queue.release(Array(running.keys))
                logger.warning("released unfinished jobs on shutdown", metadata: ["ids": "\(released)"])
            } catch {
                logger.error("could not release jobs; their leases will expire", metadata: ["error": "\(error)"])
            }
            for task in running.values { task.cancel() }
        }
        heartbeat?.cancel()
        logger.info("job worker stopped", metadata: ["owner": "\(options.owner)"])
    }

    /// Ids of the jobs this worker is running now.
    public var runningJobIDs: [Int64] { running.keys.map(\.id) }

    private func claimableKinds(at now: Date) -> [String] {
        let windowOpen = queue.maintenanceWindow.contains(now)
        return queue.registry.kinds.values
            .filter { options.kinds?.contains($0.name) ?? true }
            .filter { !($0.windowBound && windowOpen) }
            .map(\.name)
            .sorted()
    }

    private func start(_ job: Job, token: String) {
        let lease = Lease(id: job.id, token: token)
        running[lease] = Task {
            await self.execute(job, token: token)
            self.finished(lease)
        }
    }

    private func finished(_ lease: Lease) {
        running[lease] = nil
        jobFinished.ring()
        doorbell.ring()
    }

    private func waitForRunningJobs() async {
        for task in Array(running.values) { await task.value }
    }

    func retryDelay(afterAttempt attempt: Int) -> TimeInterval {
        options.retryPolicy.delay(afterAttempt: attempt, using: &random)
    }

    private func startHeartbeat() {
        guard heartbeat == nil else { return }
        heartbeat = Task { [weak self, options] in
            while !Task.isCancelled {
                try? await Task.sleep(for: options.heartbeatInterval)
                await self?.beat()
            }
        }
    }

    private func beat() async {
        let leases = Array(running.keys)
        guard !leases.isEmpty else { return }
        do {
            let held = try await queue.heartbeat(leases, lease: options.lease)
            for lease in leases where !held.contains(lease) {
                // Another worker may run it now: stop ours rather than race it.
                logger.warning("lease lost, cancelling job", metadata: ["job-id": "\(lease.id)"])
                running[lease]?.cancel()
            }
        } catch {
            logger.error("heartbeat failed", metadata: ["error": "\(error)"])
        }
    }
}

/// Holds whichever generator was injected (seeded in tests).
struct AnyRandom: RandomNumberGenerator, Sendable {
    var base: any RandomNumberGenerator & Sendable

    mutating func next() -> UInt64 { base.next() }
}
