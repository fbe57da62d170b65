import Foundation
import PortalDomain
import Vapor

/// Everything the portal reads from its environment, read once at start.
///
/// Production refuses to start with settings that are only safe on a
/// developer's machine (see `validate()`), the way Django's `check --deploy`
/// does: a forgotten simulator or default key must never reach members.
public struct PortalConfiguration: Sendable {
    public enum Mode: String, Sendable { case development, production, testing }

    public enum DatabaseLocation: Sendable, Equatable {
        case sqlite(path: String)
        case sqliteInMemory
        case postgres(url: String, searchPath: String?)

        package var isSQLite: Bool {
            if case .postgres = self { return false }
            return true
        }
    }

    public var mode: Mode
    public var dataDirectory: URL
    public var resourcesDirectory: URL
    public var database: DatabaseLocation
    public var baseURL: URL
    public var host: String
    public var port: Int
    public var backOfficeHost: String
    public var backOfficePort: Int
    /// The root secret (≥ 32 random bytes) from which `TokenKeys` derives one
    /// HMAC key per kind of stored token hash (session ids, transfer codes, e-mail tokens).
    public var sessionSecret: [UInt8]
    /// AES-256 key for documents at rest; never stored in the database.
    public var documentKey: [UInt8]
    public var devEIDEnabled: Bool
    public var seedDemoData: Bool
    public var demoMemberCount: Int
    public var autoMigrate: Bool
    public var sessionIdleTimeout: TimeInterval
    public var sessionAbsoluteTimeout: TimeInterval
    /// How long before idle expiry the page warns and offers "stay signed in".
    public var sessionWarningLead: TimeInterval
    public var signInRateLimit: RateLimitRule
    public var fund: FundProfile
    /// Registrations and certificates never start in this window (Europe/Berlin).
    public var maintenanceWindow: MaintenanceWindow
    /// The security delay before a registration is matched (DOMAIN.md).
    public var registrationDelay: TimeInterval
    /// Whether `portal serve` runs the job worker itself (the embedded default).
    public var runWorkerInProcess: Bool
    public var workerConcurrency: Int
    public var backupsToKeep: Int
    /// How long finished (succeeded or dead) jobs stay: their payloads hold addresses and links.
    public var jobRetention: TimeInterval = 30 * 86_400
    /// A shell command that writes a PostgreSQL dump to "$PORTAL_BACKUP_FILE".
    public var postgresBackupCommand: String?
    /// TrueType folder with DejaVu Sans and DejaVu Sans Bold.
    public var fontDirectory: URL
    /// The fund's seal (PEM); without them a development seal is made in the data directory.
    public var sealCertificateFile: String?
    public var sealKeyFile: String?
    /// Where the portal copies of documents live: files (one node) or the database (several nodes).
    public var blobStore: BlobStoreKind
    /// How many `portal serve` nodes the operator runs against this database (PORTAL_NODES).
    public var nodes = 1
    /// SMTP relay; without a host, mails go to .eml files in the data directory (development).
    public var smtpHost: String?
    public var smtpPort: Int?
    public var smtpSecurity: SMTPSecurity
    public var smtpUsername: String?
    public var smtpPassword: String?
    public var mailFrom: String
    /// Messages within this period become one notification e-mail.
    public var notificationQuietPeriod: TimeInterval
    /// Peers whose `X-Forwarded-For` is believed (the reverse proxy); empty: none.
    public var trustedProxies: [IPNetwork] = []
    /// Certificate requests one member may make per hour (SECURITY.md "abuse").
    public var certificateRequestsPerHour = 10
    /// Offline documents one member may ask to have restored per hour.
    public var documentRequestsPerHour = 20
    /// Confirmation mails one address may receive per day, whoever asks for them.
    public var confirmationMailsPerDay = 3
    /// The statutes' limits the application forms check (earliest pension age,
    /// the voluntary additional contribution's range).
    public var fundRules = FundRules()

    public var usesHTTPS: Bool { baseURL.scheme?.lowercased() == "https" }

    public var blobStoreInDatabase: Bool { blobStore == .database }

    /// The member listener's session cookie (SessionScope has the back office's).
    public var sessionCookieName: String {
        SessionScope.member.cookieName(usesHTTPS: usesHTTPS)
    }
}

/// PORTAL_SMTP_SECURITY: how the connection to the relay is protected.
public enum SMTPSecurity: String, Sendable, CaseIterable {
    case starttls, tls, none
}

/// PORTAL_BLOB_STORE: files in the data directory serve one node only; the
/// database is shared by every node.
public enum BlobStoreKind: String, Sendable, CaseIterable {
    case files, database
}

public struct RateLimitRule: Sendable, Equatable {
    public var limit: Int
    public var period: TimeInterval
    public init(limit: Int, period: TimeInterval) {
        self.limit = limit
        self.period = period
    }
}

/// The operator's own data: name, address, contact and legal texts.
public struct FundProfile: Sendable {
    public var name: String
    public var addressLines: [String]
    public var email: String
    public var phone: String
    public var privacyText: String
    public var imprintText: String
    /// Where the servers run, in the fund's words (PORTAL_FUND_HOSTING_NOTE):
    /// a claim only the operator can make, so there is no default.
    public var hostingNote: String? = nil
    /// The fund's SEPA creditor identifier (PORTAL_SEPA_CREDITOR_ID), named in
    /// the direct-debit mandate of a change of bank details.
    public var creditorID: String? = nil
}
