import Foundation
import Testing
@testable import PortalApp
@testable import PortalCore
@testable import PortalWeb
@testable import PortalMember
@testable import PortalBackOffice

@Suite("Configuration and the production start checks")
struct ConfigurationTests {
    static let sealFile: String = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("portal-config-seal.pem")
        FileManager.default.createFile(atPath: url.path, contents: Data("-----BEGIN CERTIFICATE-----".utf8))
        return url.path
    }()

    static let goodProduction = [
        "PORTAL_SEAL_CERTIFICATE_FILE": sealFile,
        "PORTAL_SEAL_KEY_FILE": sealFile,
        "PORTAL_PRIVACY_FILE": sealFile,
        "PORTAL_IMPRINT_FILE": sealFile,
        "PORTAL_BASE_URL": "https://portal.versorgungswerk.example",
        "PORTAL_SESSION_SECRET": Data((0..<48).map { UInt8($0) }).base64EncodedString(),
        "PORTAL_DOCUMENT_KEY": Data((0..<32).map { UInt8(255 - $0) }).base64EncodedString(),
        "PORTAL_DEV_EID": "false",
        "PORTAL_SMTP_HOST": "mail.internal",
        "PORTAL_DATA_DIR": "/tmp/portal-config-test",
    ]

    @Test
    func developmentNeedsNoConfigurationAtAll() throws {
        let config = try PortalConfiguration.fromEnvironment([:], mode: .development)
        #expect(config.host == "127.0.0.1")
        #expect(config.port == 8080)
        #expect(config.devEIDEnabled)
        #expect(config.seedDemoData)
        #expect(config.dataDirectory.path.hasSuffix("/var"))
        #expect(config.database == .sqlite(path: config.dataDirectory.appendingPathComponent("portal.sqlite").path))
        #expect(config.sessionIdleTimeout == 900)
        #expect(config.sessionAbsoluteTimeout == 28_800)
    }

    @Test
    func aCompleteProductionConfigurationIsAccepted() throws {
        let config = try PortalConfiguration.fromEnvironment(Self.goodProduction, mode: .production)
        #expect(!config.devEIDEnabled)
        #expect(!config.seedDemoData)
        #expect(config.sessionCookieName == "__Host-portal_session")
    }

    @Test(arguments: [
        ("PORTAL_DEV_EID", "true", "simulator"),
        ("PORTAL_BASE_URL", "http://portal.example", "https"),
        ("PORTAL_SESSION_SECRET", "", "PORTAL_SESSION_SECRET is missing"),
        ("PORTAL_DOCUMENT_KEY", "", "PORTAL_DOCUMENT_KEY is missing"),
        ("PORTAL_SESSION_SECRET", Data("development-session-secret-not-for-production!!".utf8).base64EncodedString(), "development default"),
        ("PORTAL_DOCUMENT_KEY", Data("development-document-key-32bytes".utf8).base64EncodedString(), "development default"),
        ("PORTAL_DOCUMENT_KEY", "c2hvcnQ=", "exactly 32 bytes"),
        ("PORTAL_SESSION_SECRET", "c2hvcnQ=", "too short"),
        ("PORTAL_SESSION_SECRET", "a passphrase is no secret, however long it is!!", "not plain text"),
        ("PORTAL_SEED_DEMO", "true", "PORTAL_SEED_DEMO is on"),
        ("PORTAL_PRIVACY_FILE", "", "PORTAL_PRIVACY_FILE is missing"),
        ("PORTAL_IMPRINT_FILE", "", "PORTAL_IMPRINT_FILE is missing"),
        ("PORTAL_SMTP_HOST", "", "PORTAL_SMTP_HOST is missing"),
        ("PORTAL_SMTP_SECURITY", "none", "PORTAL_SMTP_SECURITY=none"),
        ("PORTAL_SMTP_SECURITY", "STARTTLS", "PORTAL_SMTP_SECURITY must be one of starttls, tls, none"),
        ("PORTAL_SMTP_SECURITY", "ssl", "PORTAL_SMTP_SECURITY must be one of"),
        ("PORTAL_BLOB_STORE", "db", "PORTAL_BLOB_STORE must be one of files, database"),
        ("PORTAL_SMTP_PORT", "submission", "PORTAL_SMTP_PORT must be a whole number"),
        ("PORTAL_DEV_EID", "nein", "PORTAL_DEV_EID must be true or false"),
        ("PORTAL_SEED_DEMO", "maybe", "PORTAL_SEED_DEMO must be true or false"),
        ("PORTAL_SEAL_KEY_FILE", "", "PORTAL_SEAL_CERTIFICATE_FILE and PORTAL_SEAL_KEY_FILE"),
        ("PORTAL_SEAL_CERTIFICATE_FILE", "/nonexistent/seal.pem", "cannot be read"),
        ("PORTAL_NODES", "3", "PORTAL_NODES=3 with PORTAL_BLOB_STORE=files"),
        ("PORTAL_NODES", "2", "PORTAL_NODES=2 with SQLite"),
        ("PORTAL_NODES", "0", "PORTAL_NODES must be a whole number from 1 to 1000"),
        ("PORTAL_FONT_DIR", "/nonexistent/fonts", "does not contain DejaVuSans.ttf, DejaVuSans-Bold.ttf"),
        ("PORTAL_MAIL_FROM", "portal at versorgungswerk", "PORTAL_MAIL_FROM must be one e-mail address"),
        ("PORTAL_SMTP_USERNAME", "portal", "PORTAL_SMTP_USERNAME and PORTAL_SMTP_PASSWORD go together"),
        ("PORTAL_SMTP_PASSWORD", "secret", "PORTAL_SMTP_USERNAME and PORTAL_SMTP_PASSWORD go together"),
        ("PORTAL_SMTP_HOST", "mail.internal; rm -rf", "PORTAL_SMTP_HOST must be a host name or an IP address"),
        ("PORTAL_DATABASE_URL", "postgres://portal@db.internal:fivefour/portal", "PORTAL_DATABASE_URL is not a valid PostgreSQL URL"),
        ("PORTAL_DATABASE_SCHEMA", "portal", "PORTAL_DATABASE_SCHEMA applies to PostgreSQL only"),
        ("PORTAL_PG_BACKUP_COMMAND", "pg_dump", "PORTAL_PG_BACKUP_COMMAND applies to PostgreSQL only"),
        ("PORTAL_FUND_NAME", " ", "PORTAL_FUND_NAME is set but empty"),
        ("PORTAL_FUND_EMAIL", "kontakt", "PORTAL_FUND_EMAIL must be one e-mail address"),
        ("PORTAL_MAINTENANCE_WINDOW", "3-5", "PORTAL_MAINTENANCE_WINDOW must look like 03:00-05:00"),
        ("PORTAL_NOTIFY_QUIET_SECONDS", "ten minutes", "PORTAL_NOTIFY_QUIET_SECONDS must be a whole number"),
        ("PORTAL_WORKER_CONCURRENCY", "0", "PORTAL_WORKER_CONCURRENCY must be a whole number from 1 to 64"),
        ("PORTAL_REGISTRATION_DELAY_SECONDS", "-1", "PORTAL_REGISTRATION_DELAY_SECONDS must be a whole number"),
        ("PORTAL_RESOURCES_DIR", "/nonexistent", "does not contain Resources/Localization/de.json"),
        ("PORTAL_SEPA_CREDITOR_ID", "DE97ZZZ09999999999", "PORTAL_SEPA_CREDITOR_ID 'DE97ZZZ09999999999' is not a SEPA creditor identifier"),
        ("PORTAL_SEPA_CREDITOR_ID", "9999999999", "PORTAL_SEPA_CREDITOR_ID '9999999999' is not a SEPA creditor identifier"),
    ])
    func productionRefusesUnsafeSettings(variable: String, value: String, reason: String) throws {
        var env = Self.goodProduction
        env[variable] = value
        do {
            _ = try PortalConfiguration.fromEnvironment(env, mode: .production)
            Issue.record("production accepted \(variable)=\(value)")
        } catch let error as ConfigurationError {
            #expect(error.description.contains(reason), "\(error.description)")
        }
    }

    @Test
    func everyBadValueIsReportedAtOnce() throws {
        let env = ["PORTAL_PORT": "eighty", "PORTAL_SESSION_IDLE_SECONDS": "-5", "PORTAL_DEV_EID": "vielleicht", "PORTAL_BASE_URL": "portal"]
        #expect {
            _ = try PortalConfiguration.fromEnvironment(env, mode: .development)
        } throws: { error in
            guard let error = error as? ConfigurationError else { return false }
            return error.problems.count == 4
        }
    }

    @Test
    func postgresURLsAndSQLitePathsAreRecognised() throws {
        let pg = try PortalConfiguration.fromEnvironment(["PORTAL_DATABASE_URL": "postgres://u:p@db:5432/portal"], mode: .development)
        #expect(pg.database == .postgres(url: "postgres://u:p@db:5432/portal", searchPath: nil))
        let file = try PortalConfiguration.fromEnvironment(["PORTAL_DATABASE_URL": "/srv/portal/db.sqlite"], mode: .development)
        #expect(file.database == .sqlite(path: "/srv/portal/db.sqlite"))
    }

    @Test
    func anUnknownEnumeratedValueIsRefusedInDevelopmentToo() {
        for (variable, value) in [("PORTAL_SMTP_SECURITY", "starttls "), ("PORTAL_BLOB_STORE", "Database"), ("PORTAL_WORKER", "ja"), ("LOG_LEVEL", "verbose")] {
            #expect(throws: ConfigurationError.self, "\(variable)=\(value)") {
                _ = try PortalConfiguration.fromEnvironment([variable: value], mode: .development)
            }
        }
    }

    @Test
    func severalNodesAreAcceptedWithPostgreSQLAndTheDatabaseBlobStore() throws {
        var env = Self.goodProduction
        env["PORTAL_NODES"] = "3"
        env["PORTAL_DATABASE_URL"] = "postgres://portal:secret@db.internal:5432/portal"
        env["PORTAL_BLOB_STORE"] = "database"
        let config = try PortalConfiguration.fromEnvironment(env, mode: .production)
        #expect(config.nodes == 3)
        #expect(config.blobStore == .database)
    }

    @Test
    func theSMTPSettingsAreReadIntoTypedValues() throws {
        let env = ["PORTAL_SMTP_HOST": "mail.internal", "PORTAL_SMTP_SECURITY": "tls", "PORTAL_SMTP_PORT": "2465",
                   "PORTAL_SMTP_USERNAME": "portal", "PORTAL_SMTP_PASSWORD": "secret", "PORTAL_MAIL_FROM": "portal@versorgungswerk.example"]
        let config = try PortalConfiguration.fromEnvironment(env, mode: .development)
        #expect(config.smtpSecurity == .tls)
        #expect(config.smtpPort == 2465)
        #expect(config.mailFrom == "portal@versorgungswerk.example")
    }

    @Test(arguments: [PortalConfiguration.Mode.development, .testing])
    func aValueOutsideItsListIsRefusedInEveryMode(_ mode: PortalConfiguration.Mode) {
        for (variable, value) in [("PORTAL_SMTP_SECURITY", "STARTTLS"), ("PORTAL_NODES", "two"), ("PORTAL_MAIL_FROM", "noreply"),
                                  ("PORTAL_FONT_DIR", "/nonexistent"), ("PORTAL_SMTP_USERNAME", "portal"), ("PORTAL_HOST", "0.0.0.0 ")] {
            #expect(throws: ConfigurationError.self, "\(variable)=\(value) in \(mode)") {
                _ = try PortalConfiguration.fromEnvironment([variable: value], mode: mode)
            }
        }
    }

    /// A variable read somewhere in the code but missing from the operator's
    /// documentation is a setting nobody can know about.
    @Test
    func everyPortalVariableInTheSourcesIsDocumented() throws {
        let documentation = try String(contentsOf: packageRoot.appendingPathComponent("docs/configuration.md"), encoding: .utf8)
        let sources = packageRoot.appendingPathComponent("Sources")
        let files = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        var names: Set<String> = []
        for case let file as URL in files where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: /"(PORTAL_[A-Z0-9_]+)/) { names.insert(String(match.1)) }
        }
        #expect(names.count > 40, "the scan finds the variables: \(names.sorted())")
        let undocumented = names.filter { !documentation.contains("`\($0)`") }.sorted()
        #expect(undocumented == [], "read in Sources/ but not in docs/configuration.md")
    }

    @Test
    func theSessionSecretIsReadAsBase64() throws {
        let secret = Data((0..<32).map { UInt8($0 * 7 % 256) })
        let config = try PortalConfiguration.fromEnvironment(["PORTAL_SESSION_SECRET": secret.base64EncodedString() + "\n"], mode: .development)
        #expect(config.sessionSecret == Array(secret))
    }

    @Test(arguments: [
        (["portal", "serve"], [:], PortalConfiguration.Mode.development),
        (["portal", "serve", "--env", "development"], [:], .development),
        (["portal", "serve", "--env", "production"], [:], .production),
        (["portal", "serve", "-e", "production"], [:], .production),
        (["portal", "serve"], ["VAPOR_ENV": "production"], .production),
    ])
    func theKnownEnvironmentNamesAreAccepted(arguments: [String], variables: [String: String], mode: PortalConfiguration.Mode) throws {
        let (detected, remaining) = try PortalConfiguration.Mode.detect(arguments: arguments, variables: variables)
        #expect(detected == mode)
        #expect(remaining == ["portal", "serve"], "Vapor must not see --env again")
    }

    @Test(arguments: [["portal", "serve", "--env=production"], ["portal", "serve", "--env"], ["portal", "serve", "-e", "--port", "8080"]])
    func anEnvironmentOptionWithoutAReadableValueIsRefused(_ arguments: [String]) {
        #expect(throws: UnknownEnvironmentName.self) {
            _ = try PortalConfiguration.Mode.detect(arguments: arguments, variables: [:])
        }
    }

    @Test(arguments: ["staging", "Production", "prod", "PROD", "dev", "test", "testing", "", " production"])
    func anyOtherEnvironmentNameIsRefused(_ name: String) {
        #expect(throws: UnknownEnvironmentName(given: name)) {
            _ = try PortalConfiguration.Mode.detect(arguments: ["portal", "serve", "--env", name], variables: [:])
        }
        #expect(throws: UnknownEnvironmentName(given: name)) {
            _ = try PortalConfiguration.Mode.detect(arguments: ["portal", "serve"], variables: ["VAPOR_ENV": name])
        }
    }

    /// EPC's creditor identifier check ignores the business code (ZZZ here, any
    /// three characters in use) and tolerates spaces, as identifiers are often printed.
    @Test(arguments: ["DE98ZZZ09999999999", "de98 zzz 0999 9999 999", "DE98ABC09999999999", "AT61ZZZ01234567890"])
    func aSEPACreditorIdentifierWithRightCheckDigitsIsTaken(_ value: String) throws {
        var problems: [String] = []
        let id = FundProfile.creditorID(value, problems: &problems)
        #expect(problems.isEmpty, "\(problems)")
        #expect(id == value.replacingOccurrences(of: " ", with: "").uppercased())
    }
}
