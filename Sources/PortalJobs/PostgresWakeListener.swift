import Logging
import PostgresNIO

/// Wakes idle workers the moment a job is enqueued on PostgreSQL.
///
/// `JobQueue.enqueue` sends `pg_notify('portal_jobs', kind)` inside the
/// enqueuing transaction; PostgreSQL delivers it when that transaction
/// commits. This listener holds one dedicated connection (LISTEN does not
/// work through a pool, whose connections come and go) and calls `onNotify`
/// (usually `worker.wake`) for each notification. Polling stays on as the
/// fallback: a lost connection is reconnected after `retryDelay`, and jobs
/// enqueued meanwhile are found by the next poll.
public struct PostgresWakeListener: Sendable {
    public let configuration: PostgresConnection.Configuration
    public let channel: String
    public let retryDelay: Duration
    let logger: Logger

    public init(
        configuration: PostgresConnection.Configuration,
        channel: String = JobQueue.notifyChannel,
        retryDelay: Duration = .seconds(5),
        logger: Logger = Logger(label: "portal.jobs.listen")
    ) {
        self.configuration = configuration
        self.channel = channel
        self.retryDelay = retryDelay
        self.logger = logger
    }

    /// Listens until the surrounding task is cancelled.
    public func run(onNotify: @escaping @Sendable () -> Void) async {
        var connectionID = 0
        while !Task.isCancelled {
            connectionID += 1
            do {
                let connection = try await PostgresConnection.connect(
                    configuration: configuration, id: connectionID, logger: logger
                )
                logger.debug("listening for new jobs", metadata: ["channel": "\(channel)"])
                // Ready: any job enqueued before LISTEN took effect is found
                // by this first wake-up's poll.
                onNotify()
                // Closing the connection is what ends the notification
                // sequence, so cancellation closes it.
                try await withTaskCancellationHandler {
                    try await connection.listen(on: channel) { notifications in
                        for try await _ in notifications { onNotify() }
                    }
                } onCancel: {
                    _ = connection.close() as EventLoopFuture<Void>
                }
                try? await connection.close()
            } catch {
                if Task.isCancelled { return }
                logger.warning("job notification listener lost its connection", metadata: ["error": "\(error)"])
            }
            try? await Task.sleep(for: retryDelay)
        }
    }
}
