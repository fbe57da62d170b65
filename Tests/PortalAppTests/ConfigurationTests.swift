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
        "PORTAL_BASE_URL": "https://portal.versorgungswerk.example",
        "PORTAL_SESSION_SECRET": Data((0..<48).map { UInt8($0) }).base64EncodedString(),
        "PORTAL_DOCUMENT_KEY": Data((0..<32).map { UInt8(255 - $0) }).base64EncodedString(),
        "PORTAL_DEV_EID": "false",
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
        ("PORTAL_SESSION_SECRET", "short", "too short"),
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
}
