import Foundation
import PortalDomain
import PortalPDF
import Vapor

public struct ConfigurationError: Error, CustomStringConvertible, Equatable {
    public var problems: [String]
    public var description: String {
        "The portal cannot start:\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
    }

    package init(problems: [String]) {
        self.problems = problems
    }
}

extension PortalConfiguration {
    /// Known development defaults: production refuses them.
    package static let developmentSessionSecret = Array("development-session-secret-not-for-production!!".utf8)
    package static let developmentDocumentKey = Array("development-document-key-32bytes".utf8)

    /// Reads the configuration from environment variables (see docs/configuration.md).
    public static func fromEnvironment(
        _ env: [String: String] = ProcessInfo.processInfo.environment,
        mode: Mode
    ) throws -> PortalConfiguration {
        var problems: [String] = []
        var reader = EnvironmentReader(env: env)
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let dataDir = URL(fileURLWithPath: env["PORTAL_DATA_DIR"] ?? "var", relativeTo: cwd).standardizedFileURL
        let resources = reader.directory("PORTAL_RESOURCES_DIR", default: ".", relativeTo: cwd,
                                         mustContain: ["Resources/Localization/de.json", "Resources/Localization/en.json"])

        let database = Self.databaseLocation(env, dataDirectory: dataDir, cwd: cwd, problems: &problems)

        let port = reader.int("PORTAL_PORT", default: 8080, range: 0...65535)
        let host = reader.host("PORTAL_HOST", default: "127.0.0.1") ?? "127.0.0.1"
        let baseText = env["PORTAL_BASE_URL"] ?? "http://\(host):\(port)"
        var baseURL = URL(string: "http://127.0.0.1:8080")!
        if let url = URL(string: baseText), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil {
            baseURL = url
        } else {
            problems.append("PORTAL_BASE_URL must be an absolute http(s) URL, got '\(baseText)'.")
        }

        let sessionSecret = reader.secret("PORTAL_SESSION_SECRET", minBytes: 32, fallback: mode == .production ? nil : developmentSessionSecret)
        let documentKey = reader.key32("PORTAL_DOCUMENT_KEY", fallback: mode == .production ? nil : developmentDocumentKey)
        let isDev = mode != .production
        let trustedProxies = IPNetwork.list(env["PORTAL_TRUSTED_PROXIES"], variable: "PORTAL_TRUSTED_PROXIES", problems: &problems)
        let config = PortalConfiguration(
            mode: mode,
            dataDirectory: dataDir,
            resourcesDirectory: resources,
            database: database,
            baseURL: baseURL,
            host: host,
            port: port,
            backOfficeHost: reader.host("PORTAL_BACKOFFICE_HOST", default: "127.0.0.1") ?? "127.0.0.1",
            backOfficePort: reader.int("PORTAL_BACKOFFICE_PORT", default: 8081, range: 0...65535),
            sessionSecret: sessionSecret ?? [],
            documentKey: documentKey ?? [],
            devEIDEnabled: reader.bool("PORTAL_DEV_EID", default: isDev),
            seedDemoData: reader.bool("PORTAL_SEED_DEMO", default: isDev),
            demoMemberCount: reader.int("PORTAL_DEMO_MEMBERS", default: 40, range: 8...2_000_000),
            autoMigrate: reader.bool("PORTAL_AUTO_MIGRATE", default: true),
            sessionIdleTimeout: TimeInterval(reader.int("PORTAL_SESSION_IDLE_SECONDS", default: 15 * 60, range: 30...86_400)),
            sessionAbsoluteTimeout: TimeInterval(reader.int("PORTAL_SESSION_ABSOLUTE_SECONDS", default: 8 * 3600, range: 60...7 * 86_400)),
            sessionWarningLead: TimeInterval(reader.int("PORTAL_SESSION_WARNING_SECONDS", default: 120, range: 10...3600)),
            signInRateLimit: RateLimitRule(
                limit: reader.int("PORTAL_SIGNIN_RATE_LIMIT", default: 10, range: 1...100_000),
                period: TimeInterval(reader.int("PORTAL_SIGNIN_RATE_PERIOD_SECONDS", default: 60, range: 1...86_400))),
            fund: FundProfile.fromEnvironment(env, problems: &reader.problems),

            maintenanceWindow: reader.maintenanceWindow("PORTAL_MAINTENANCE_WINDOW"),
            registrationDelay: TimeInterval(reader.int("PORTAL_REGISTRATION_DELAY_SECONDS", default: isDev ? 5 : 180, range: 0...86_400)),
            runWorkerInProcess: reader.bool("PORTAL_WORKER", default: true),
            // SQLite has one writer at a time: more jobs at once only wait for each other.
            workerConcurrency: reader.int("PORTAL_WORKER_CONCURRENCY", default: database.isSQLite ? 1 : 4, range: 1...64),
            backupsToKeep: reader.int("PORTAL_BACKUPS_KEEP", default: 7, range: 1...365),
            jobRetention: TimeInterval(reader.int("PORTAL_JOB_RETENTION_DAYS", default: 30, range: 1...3650)) * 86_400,
            postgresBackupCommand: reader.optionalText("PORTAL_PG_BACKUP_COMMAND"),
            // Production makes certificates from the first request on: the fonts must be there.
            fontDirectory: reader.directory("PORTAL_FONT_DIR", default: FontSet.debianDejaVuDirectory.path, relativeTo: cwd,
                                            mustContain: ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"], checkDefault: mode == .production),
            sealCertificateFile: reader.readableFile("PORTAL_SEAL_CERTIFICATE_FILE"),
            sealKeyFile: reader.readableFile("PORTAL_SEAL_KEY_FILE"),
            blobStore: reader.choice("PORTAL_BLOB_STORE", default: BlobStoreKind.files),
            nodes: reader.int("PORTAL_NODES", default: 1, range: 1...1_000),
            smtpHost: reader.host("PORTAL_SMTP_HOST", default: nil),
            smtpPort: reader.optionalInt("PORTAL_SMTP_PORT", range: 1...65535),
            smtpSecurity: reader.choice("PORTAL_SMTP_SECURITY", default: SMTPSecurity.starttls),
            smtpUsername: reader.optionalText("PORTAL_SMTP_USERNAME"),
            smtpPassword: reader.optionalText("PORTAL_SMTP_PASSWORD"),
            mailFrom: reader.mailAddress("PORTAL_MAIL_FROM", default: "noreply@\(baseURL.host ?? "portal.example")"),
            notificationQuietPeriod: TimeInterval(reader.int("PORTAL_NOTIFY_QUIET_SECONDS", default: 600, range: 0...86_400)),
            trustedProxies: trustedProxies,
            certificateRequestsPerHour: reader.int("PORTAL_CERTIFICATE_REQUESTS_PER_HOUR", default: 10, range: 1...1_000),
            documentRequestsPerHour: reader.int("PORTAL_DOCUMENT_REQUESTS_PER_HOUR", default: 20, range: 1...1_000),
            confirmationMailsPerDay: reader.int("PORTAL_CONFIRMATION_MAILS_PER_DAY", default: 3, range: 1...100),
            fundRules: Self.fundRules(&reader)
        )
        reader.checkLogLevel()
        reader.checkPairs(database: database)
        problems += reader.problems
        problems += config.deploymentProblems(secretsGiven: sessionSecret != nil && documentKey != nil)
        problems += Self.legalTextProblems(mode: mode, env)
        if !problems.isEmpty { throw ConfigurationError(problems: problems) }
        return config
    }

    /// PORTAL_EARLIEST_PENSION_AGE and the additional contribution's range in
    /// whole euros (PORTAL_ADDITIONAL_CONTRIBUTION_MIN_EUR/_MAX_EUR): the statutes' figures.
    static func fundRules(_ reader: inout EnvironmentReader) -> FundRules {
        let minimum = reader.int("PORTAL_ADDITIONAL_CONTRIBUTION_MIN_EUR", default: 100, range: 1...1_000_000)
        let maximum = reader.int("PORTAL_ADDITIONAL_CONTRIBUTION_MAX_EUR", default: 30_000, range: 1...1_000_000)
        if maximum < minimum {
            reader.problems.append("PORTAL_ADDITIONAL_CONTRIBUTION_MAX_EUR (\(maximum)) is below PORTAL_ADDITIONAL_CONTRIBUTION_MIN_EUR (\(minimum)).")
        }
        return FundRules(earliestPensionAge: reader.int("PORTAL_EARLIEST_PENSION_AGE", default: 60, range: 50...70),
                         additionalContribution: Int64(minimum) * 100...Int64(max(minimum, maximum)) * 100)
    }

    /// The built-in privacy notice and imprint are drafts with placeholders
    /// (the fund's representatives, its supervisory authority): a fund must
    /// publish its own texts, as it must use its own seal.
    package static func legalTextProblems(mode: Mode, _ env: [String: String]) -> [String] {
        guard mode == .production else { return [] }
        return [("PORTAL_PRIVACY_FILE", "privacy notice"), ("PORTAL_IMPRINT_FILE", "imprint")].compactMap { variable, text in
            (env[variable] ?? "").isEmpty
                ? "\(variable) is missing: the built-in \(text) is a draft with placeholders; name a UTF-8 file with the fund's own \(text)."
                : nil
        }
    }

    /// The production checks: a failing one stops the server with its reason.
    package func deploymentProblems(secretsGiven: Bool) -> [String] {
        guard mode == .production else { return [] }
        var problems: [String] = []
        if devEIDEnabled {
            problems.append("PORTAL_DEV_EID is on: the development eID simulator lets anyone sign in as anyone; switch it off in production.")
        }
        if seedDemoData {
            problems.append("PORTAL_SEED_DEMO is on: demo members with known data must never enter a production database.")
        }
        if smtpHost == nil {
            problems.append("PORTAL_SMTP_HOST is missing: without a relay, mails would land as files on the server instead of reaching members.")
        } else if smtpSecurity == .none {
            problems.append("PORTAL_SMTP_SECURITY=none sends mails and the SMTP password unencrypted; use starttls or tls in production.")
        }
        if !usesHTTPS {
            problems.append("PORTAL_BASE_URL must start with https:// in production (got \(baseURL.absoluteString)).")
        }
        if sealCertificateFile == nil || sealKeyFile == nil {
            problems.append("PORTAL_SEAL_CERTIFICATE_FILE and PORTAL_SEAL_KEY_FILE must name the fund's seal certificate and key (PEM); certificates are sealed with them.")
        }
        if nodes > 1, blobStore == .files {
            problems.append("PORTAL_NODES=\(nodes) with PORTAL_BLOB_STORE=files: each node would keep its own document files and serve only those; use PORTAL_BLOB_STORE=database.")
        }
        if nodes > 1, database.isSQLite {
            problems.append("PORTAL_NODES=\(nodes) with SQLite: each node would have a database of its own; use PostgreSQL (PORTAL_DATABASE_URL=postgres://…).")
        }
        if secretsGiven {
            if sessionSecret == Self.developmentSessionSecret {
                problems.append("PORTAL_SESSION_SECRET is the development default; generate one with `openssl rand -base64 48`.")
            }
            if documentKey == Self.developmentDocumentKey {
                problems.append("PORTAL_DOCUMENT_KEY is the development default; generate one with `openssl rand -base64 32`.")
            }
        }
        return problems
    }
}
