import Foundation

/// How a worker runs. The defaults suit the embedded `portal serve`.
public struct WorkerOptions: Sendable {
    /// Jobs run at the same time by this worker.
    public var concurrency: Int
    /// How long an idle worker sleeps before it looks for jobs again. With
    /// PostgreSQL LISTEN/NOTIFY (`PostgresWakeListener`) new jobs wake it at
    /// once; the poll still finds jobs whose `run_at` or window has come.
    public var pollInterval: Duration
    /// How long a claim holds a job. A killed worker's jobs come back after
    /// this; the heartbeat renews it for jobs that run longer.
    public var lease: Duration
    public var heartbeatInterval: Duration
    /// How often (by the injected clock) this worker returns expired leases
    /// to the queue; not on every poll, which would double the statements.
    public var reapInterval: Duration
    public var retryPolicy: RetryPolicy
    /// Restricts the worker to these kinds; nil runs every registered kind.
    public var kinds: Set<String>?
    /// Written into `lease_owner`: which process holds a job.
    public var owner: String

    public init(
        concurrency: Int = 4,
        pollInterval: Duration = .seconds(1),
        lease: Duration = .seconds(60),
        heartbeatInterval: Duration = .seconds(20),
        reapInterval: Duration = .seconds(5),
        retryPolicy: RetryPolicy = RetryPolicy(),
        kinds: Set<String>? = nil,
        owner: String = WorkerOptions.defaultOwner()
    ) {
        self.concurrency = max(1, concurrency)
        self.pollInterval = pollInterval
        self.lease = lease
        self.heartbeatInterval = heartbeatInterval
        self.reapInterval = reapInterval
        self.retryPolicy = retryPolicy
        self.kinds = kinds
        self.owner = owner
    }

    /// host:pid:random, so that operators see which process holds a job and
    /// two workers in one process still differ.
    public static func defaultOwner() -> String {
        let info = ProcessInfo.processInfo
        return "\(info.hostName):\(info.processIdentifier):\(UInt32.random(in: 0...UInt32.max))"
    }
}
