import Foundation
import Logging
import SQLKit

/// What a handler gets for one attempt of one job.
public final class JobContext: @unchecked Sendable {
    // @unchecked: `completed` is the only mutable state and `lock` guards it.
    public let job: Job
    public let queue: JobQueue
    public let logger: Logger
    let owner: String
    private let lock = NSLock()
    private var completed = false

    init(job: Job, queue: JobQueue, owner: String, logger: Logger) {
        self.job = job
        self.queue = queue
        self.owner = owner
        var logger = logger
        logger[metadataKey: "job-id"] = "\(job.id)"
        logger[metadataKey: "job-kind"] = "\(job.kind)"
        self.logger = logger
    }

    public var id: Int64 { job.id }
    /// 1 on the first attempt.
    public var attempt: Int { job.attempts }
    public var payload: Data { job.payload }
    /// The database, for reads and for work that needs no transaction.
    public var database: any SQLDatabase { queue.database }

    public func decodePayload<T: Decodable>(_ type: T.Type = T.self) throws -> T {
        try job.decodePayload(type)
    }

    var isCompleted: Bool { lock.withLock { completed } }

    /// Runs `writes` and marks the job succeeded in ONE transaction: either
    /// the handler's result and the completion are both committed, or
    /// neither (crash, error, or lease lost to another worker).
    /// Follow-up jobs enqueued with `queue.enqueue(…, on: db)` join it too.
    public func complete<T: Sendable>(
        _ writes: @escaping @Sendable (any SQLDatabase) async throws -> T
    ) async throws -> T {
        let queue = self.queue, id = job.id, owner = self.owner
        let result = try await queue.database.portalTransaction { db in
            let value = try await writes(db)
            try await queue.markSucceeded(id, owner: owner, on: db)
            return value
        }
        lock.withLock { completed = true }
        return result
    }

    /// Marks the job succeeded inside a transaction the handler opened
    /// itself, e.g. Fluent's `db.transaction { db in … }` with
    /// `db as! SQLDatabase`: call it as the transaction's last statement and
    /// let its errors propagate, so that a lost lease rolls back the
    /// handler's writes. (If that transaction then fails anyway, the job
    /// stays running until its lease expires and runs again.)
    public func markSucceeded(on db: any SQLDatabase) async throws {
        try await queue.markSucceeded(job.id, owner: owner, on: db)
        lock.withLock { completed = true }
    }

    /// Performs `effect` at most once per `key`, inside the caller's
    /// transaction `db`: the key is recorded in `job_side_effects` in the
    /// same transaction as the effect's own writes, so after a crash and a
    /// second run the effect is found done and skipped. Returns whether the
    /// effect ran now.
    ///
    /// For effects outside the database (sending a mail) this is
    /// at-least-once, not exactly-once: a crash after the send and before the
    /// commit repeats the send. Pass the key on (as the Message-ID) so that
    /// the receiver can drop the duplicate.
    @discardableResult
    public func once(
        key: String, on db: any SQLDatabase,
        _ effect: @escaping @Sendable (any SQLDatabase) async throws -> Void
    ) async throws -> Bool {
        try await SideEffectLedger.once(key: key, jobID: job.id, clock: queue.clock, on: db, effect)
    }

    /// `once(key:on:_:)` in a transaction of its own, committed at once.
    @discardableResult
    public func once(
        key: String, _ effect: @escaping @Sendable (any SQLDatabase) async throws -> Void
    ) async throws -> Bool {
        let id = job.id, clock = queue.clock
        return try await queue.database.portalTransaction { db in
            try await SideEffectLedger.once(key: key, jobID: id, clock: clock, on: db, effect)
        }
    }
}
