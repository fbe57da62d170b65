import PortalJobs

/// Every kind of background work the portal does, with its retry limit and
/// whether it must wait out the nightly maintenance window.
enum PortalJobKinds {
    /// Registration matching never starts 03:00-05:00 (DOMAIN.md, maintenance window).
    static let registrationMatch = JobKind(name: "registration.match", maxAttempts: 8, windowBound: true, timeout: .seconds(60))
    static let sessionCleanup = JobKind(name: "session.cleanup", maxAttempts: 3, timeout: .seconds(120))
    static let backup = JobKind(name: "backup", maxAttempts: 3, timeout: .seconds(1800))
}
