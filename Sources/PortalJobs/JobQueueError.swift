/// Errors the queue reports to its callers (the web app and `portal jobs`).
public enum JobQueueError: Error, Equatable, CustomStringConvertible {
    case unsupportedDatabase(String)
    case unknownKind(String)
    case notFound(Int64)
    case notRetryable(id: Int64, state: JobState)
    /// The worker no longer holds the job's lease (it expired and another
    /// worker took the job, or the worker released it on shutdown), so the
    /// handler's transaction is rolled back instead of completing twice.
    case leaseLost(Int64)
    case timedOut(Int64, seconds: Double)
    /// The key conflicted, yet no job carries it: it was pruned meanwhile.
    case keyVanished(String)

    public var description: String {
        switch self {
        case .unsupportedDatabase(let name): "the job queue supports SQLite and PostgreSQL, not \(name)"
        case .unknownKind(let kind): "no job kind named \(kind) is registered"
        case .notFound(let id): "job \(id) does not exist"
        case .notRetryable(let id, let state): "job \(id) is \(state.rawValue); only failed or dead jobs can be retried"
        case .leaseLost(let id): "the lease on job \(id) was lost"
        case .timedOut(let id, let seconds): "job \(id) ran longer than its timeout of \(seconds) s"
        case .keyVanished(let key): "idempotency key \(key) conflicted but its job is gone; enqueue again"
        }
    }
}
