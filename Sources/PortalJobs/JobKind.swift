/// What the queue knows about a kind of job, independent of its handler.
public struct JobKind: Sendable, Hashable {
    /// Stored in `jobs.kind`; never rename a kind that has rows.
    public let name: String
    /// Attempts before the job becomes `dead`.
    public let maxAttempts: Int
    /// Window-bound kinds never start inside the maintenance window
    /// (registration matching, certificate generation: DOMAIN.md).
    public let windowBound: Bool
    /// How long one attempt may run before it is cancelled and counted as
    /// failed. Handlers must cooperate with task cancellation for this.
    public let timeout: Duration

    public init(name: String, maxAttempts: Int = 10, windowBound: Bool = false, timeout: Duration = .seconds(300)) {
        self.name = name
        self.maxAttempts = max(1, maxAttempts)
        self.windowBound = windowBound
        self.timeout = timeout
    }
}

/// A handler runs one attempt of a job. Throwing fails the attempt (it is
/// retried with backoff); returning completes the job, unless the handler
/// already completed it with `context.complete { db in … }`.
public typealias JobHandler = @Sendable (JobContext) async throws -> Void

/// The kinds the portal knows and their handlers. The web process and the
/// worker build the same registry; the web process only enqueues.
public struct JobRegistry: Sendable {
    public private(set) var kinds: [String: JobKind] = [:]
    private(set) var handlers: [String: JobHandler] = [:]

    public init() {}

    public mutating func register(_ kind: JobKind, handler: @escaping JobHandler) {
        kinds[kind.name] = kind
        handlers[kind.name] = handler
    }

    public func kind(named name: String) throws -> JobKind {
        guard let kind = kinds[name] else { throw JobQueueError.unknownKind(name) }
        return kind
    }
}
