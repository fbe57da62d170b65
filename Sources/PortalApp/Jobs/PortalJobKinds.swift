import PortalJobs

/// Every kind of background work the portal does, with its retry limit and
/// whether it must wait out the nightly maintenance window.
enum PortalJobKinds {
    /// Registration matching never starts 03:00-05:00 (DOMAIN.md, maintenance window).
    static let registrationMatch = JobKind(name: "registration.match", maxAttempts: 8, windowBound: true, timeout: .seconds(60))
    /// Certificate generation never starts 03:00-05:00 either.
    static let certificateGenerate = JobKind(name: "certificate.generate", maxAttempts: 6, windowBound: true, timeout: .seconds(120))
    static let documentRestore = JobKind(name: "document.restore", maxAttempts: 8, timeout: .seconds(120))
    static let retentionSweep = JobKind(name: "document.retention", maxAttempts: 3, timeout: .seconds(1800))
    /// The outbox: one job per mail, retried with backoff, dead after the maximum.
    static let mailSend = JobKind(name: "mail.send", maxAttempts: 10, timeout: .seconds(120))
    static let notificationDispatch = JobKind(name: "notifications.dispatch", maxAttempts: 3, timeout: .seconds(300))
    static let sessionCleanup = JobKind(name: "session.cleanup", maxAttempts: 3, timeout: .seconds(120))
    static let backup = JobKind(name: "backup", maxAttempts: 3, timeout: .seconds(1800))
    static let jobPruning = JobKind(name: "jobs.prune", maxAttempts: 3, timeout: .seconds(600))
}
