/// The life of a job row.
///
///     scheduled ─┐                     ┌─> succeeded
///                ├─> running ──────────┤
///     available ─┘      │  ▲           └─> failed ──(backoff)──> running …
///                       │  └── lease expired / released: available
///                       └─> dead (attempts used up) ──(retry by hand)──> available
public enum JobState: String, Sendable, Codable, CaseIterable {
    /// Waits for its `run_at` in the future.
    case scheduled
    /// May be claimed now (unless its kind is window-bound and the
    /// maintenance window is open).
    case available
    /// Claimed by a worker that holds the lease.
    case running
    case succeeded
    /// The last attempt failed; it runs again at `run_at` (backoff).
    case failed
    /// Every attempt failed; waits for a person (`portal jobs retry ID`).
    case dead

    /// States from which a worker may claim the job once `run_at` has come.
    static let claimable: [JobState] = [.scheduled, .available, .failed]
}
