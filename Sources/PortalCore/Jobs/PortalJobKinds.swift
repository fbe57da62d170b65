import PortalJobs

/// Every kind of background work the portal does, with its retry limit and
/// whether it must wait out the nightly maintenance window.
package enum PortalJobKinds {
    /// Registration matching never starts 03:00-05:00 (DOMAIN.md, maintenance window).
    package static let registrationMatch = JobKind(name: "registration.match", maxAttempts: 8, windowBound: true, timeout: .seconds(60))
    /// Certificate generation never starts 03:00-05:00 either.
    package static let certificateGenerate = JobKind(name: "certificate.generate", maxAttempts: 6, windowBound: true, timeout: .seconds(120))
    /// The binding PDF of a sent application (rendered, sealed, filed); it waits out the window too.
    package static let applicationFile = JobKind(name: "application.file", maxAttempts: 6, windowBound: true, timeout: .seconds(120))
    package static let documentRestore = JobKind(name: "document.restore", maxAttempts: 8, timeout: .seconds(120))
    package static let retentionSweep = JobKind(name: "document.retention", maxAttempts: 3, timeout: .seconds(1800))
    /// The outbox: one job per mail, retried with backoff, dead after the maximum.
    package static let mailSend = JobKind(name: "mail.send", maxAttempts: 10, timeout: .seconds(120))
    package static let notificationDispatch = JobKind(name: "notifications.dispatch", maxAttempts: 3, timeout: .seconds(300))
    package static let sessionCleanup = JobKind(name: "session.cleanup", maxAttempts: 3, timeout: .seconds(120))
    package static let backup = JobKind(name: "backup", maxAttempts: 3, timeout: .seconds(1800))
    /// Nightly: drafts untouched for 60 days are deleted, after reminders.
    package static let draftExpiry = JobKind(name: "application.draftExpiry", maxAttempts: 3, timeout: .seconds(600))
    package static let jobPruning = JobKind(name: "jobs.prune", maxAttempts: 3, timeout: .seconds(600))
}
