import Foundation
import Testing
@testable import PortalApp

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
}
