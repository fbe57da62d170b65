import Foundation
import Testing

/// Starts of the real binary that must fail, or succeed with safe files,
/// before any request is served (SECURITY.md: production row; GDPR Art. 32).
@Suite("Starting the real binary")
struct RealBinaryStartTests {
    /// Every name but development and production used to run the development
    /// setup (eID simulator, source-code secrets, demo data, no checks).
    @Test(arguments: [
        ["serve", "--env", "staging"],
        ["serve", "--env", "Production"],
        ["serve", "--env", "prod"],
        ["serve", "--env", "PROD"],
        ["serve", "--env", "dev"],
        ["serve", "--env", "testing"],
        ["serve", "-e", "live"],
        ["serve", "--env", ""],
        ["migrate", "--env", "staging"],
    ])
    func aWrongEnvironmentNameIsRefusedWithExit64(_ arguments: [String]) async throws {
        let directory = try Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let https = ["PORTAL_BASE_URL": "https://portal.versorgungswerk.example"]
        let run = try await RealBinary.run(arguments, environment: RealBinary.environment(dataDirectory: directory.appendingPathComponent("var"), https),
                                           in: directory, seconds: 20)
        #expect(run.status == 64, "\(run.output)")
        #expect(run.output.contains("Unknown environment"), "\(run.output)")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("var").path), "nothing was set up")
    }

    @Test(arguments: ["PROD", "prod", "staging", "Development"])
    func aWrongNameInVaporEnvIsRefusedToo(_ name: String) async throws {
        let directory = try Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let environment = RealBinary.environment(dataDirectory: directory.appendingPathComponent("var"), ["VAPOR_ENV": name])
        let run = try await RealBinary.run(["serve"], environment: environment, in: directory, seconds: 20)
        #expect(run.status == 64, "\(run.output)")
        #expect(run.output.contains("Unknown environment '\(name)'"), "\(run.output)")
    }

    /// Under the common umask 022 the data directory was 0755 and the SQLite
    /// files 0644: any local user could read every member's data.
    @Test
    func theDataDirectoryAndTheDatabaseFilesAreOwnerOnly() async throws {
        let directory = try Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let data = directory.appendingPathComponent("srv/portal")
        let port = try GracefulStopTests.freePort()
        let server = try RealBinary.start(["serve", "--env", "development"],
                                          environment: RealBinary.environment(dataDirectory: data, ["PORTAL_PORT": String(port)]),
                                          in: directory, output: directory.appendingPathComponent("server.log"), umask: "022")
        defer { if server.isRunning { kill(server.processIdentifier, SIGKILL) } }
        try await MailKillTests.waitUntil("the portal answers /healthz", seconds: 120) {
            GracefulStopTests.get(port: port, path: "/healthz")?.hasPrefix("HTTP/1.1 200") == true
        }

        #expect(try Self.mode(of: data) == 0o700)
        for file in ["portal.sqlite", "portal.sqlite-wal", "portal.sqlite-shm"] {
            #expect(try Self.mode(of: data.appendingPathComponent(file)) == 0o600, "\(file)")
        }
        kill(server.processIdentifier, SIGTERM)
        try await MailKillTests.waitUntil("the portal has stopped", seconds: 60) { !server.isRunning }
    }

    static func mode(of url: URL) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        return try #require(attributes[.posixPermissions] as? Int) & 0o777
    }

    static func scratchDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("portal-start-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }
}
