import Fluent
import Foundation
import PortalJobs
import SQLKit
import Testing
import VaporTesting
@testable import PortalApp
@testable import PortalCore
@testable import PortalWeb
@testable import PortalMember
@testable import PortalBackOffice

/// Issue 6: "A killed worker during sending: the mail is delivered once."
/// A real `portal worker` process sends to a real SMTP server (aiosmtpd,
/// scripts/smtp_test_server.py) that holds the conversation at RCPT TO;
/// the test kills the worker there with SIGKILL, lets the lease expire and
/// counts what the server accepted.
@Suite("A worker killed while sending a mail")
struct MailKillTests {
    @Test(arguments: TestDatabase.allCases)
    func theMailIsDeliveredOnceAfterTheWorkerWasKilledMidConversation(_ db: TestDatabase) async throws {
        let smtp = try await HoldingSMTPServer()
        defer { smtp.stop() }
        let mailEnvironment = ["PORTAL_SMTP_HOST": "127.0.0.1", "PORTAL_SMTP_PORT": String(smtp.port), "PORTAL_SMTP_SECURITY": "none"]
        try await withPortal(db, environment: mailEnvironment) { app, clock in
            let job = try await app.portal.jobs.enqueue(PortalJobKinds.mailSend,
                                                 payload: PortalMails.Payload(kind: .newContent, to: "mitglied@example.org", link: nil),
                                                 key: "mail-kill-test", on: app.db)

            let child = try Self.startPortal(["worker", "--env", "development"], for: app, environment: mailEnvironment)
            defer { if child.isRunning { kill(child.processIdentifier, SIGKILL) } }
            try await Self.waitUntil("the worker is in the middle of the SMTP conversation", seconds: 120) {
                FileManager.default.fileExists(atPath: smtp.directory.appendingPathComponent("holding").path)
            }
            kill(child.processIdentifier, SIGKILL)
            child.waitUntilExit()
            #expect(child.terminationReason == .uncaughtSignal)
            #expect(smtp.deliveredCount == 0, "the server had not accepted anything")
            let orphaned = try #require(try await app.portal.jobs.queue.find(job.id))
            #expect(orphaned.state == .running, "the killed worker still holds the lease")

            // The lease runs out (the child used the wall clock); the next worker delivers.
            clock.set(Date().addingTimeInterval(3_600))
            #expect(try await runDueJobs(app) >= 1)
            #expect(smtp.deliveredCount == 1)
            let done = try #require(try await app.portal.jobs.queue.find(job.id))
            #expect(done.state == .succeeded)
            #expect(done.attempts == 2)

            // A crash after the delivery was recorded but before the job was marked done:
            // the job runs once more and sends nothing.
            try await app.db.requireSQL().raw("""
                UPDATE jobs SET state = 'running', lease_owner = 'crashed-worker', lease_expires_at = \(bind: Int64(clock.now().timeIntervalSince1970 * 1000) - 1)
                WHERE id = \(bind: job.id)
                """).run()
            clock.advance(by: 60)
            #expect(try await runDueJobs(app) >= 1)
            #expect(try #require(try await app.portal.jobs.queue.find(job.id)).state == .succeeded)
            #expect(smtp.deliveredCount == 1, "still one mail at the server")
            let messageIDs = try smtp.messageIDs()
            #expect(messageIDs.count == 1)
            #expect(messageIDs.first?.contains("mail-kill-test") == true, "the Message-ID carries the outbox key")
        }
    }

    /// The real portal binary (e.g. `portal worker`) against the test's database and data directory.
    static func startPortal(_ arguments: [String], for app: Application, environment extra: [String: String]) throws -> Process {
        let configuration = app.portal.configuration
        var environment = ProcessInfo.processInfo.environment
        environment["PORTAL_DATA_DIR"] = configuration.dataDirectory.path
        environment["PORTAL_RESOURCES_DIR"] = packageRoot.path
        environment["PORTAL_SEED_DEMO"] = "false"
        environment["LOG_LEVEL"] = "warning"
        switch configuration.database {
        case .sqlite(let path): environment["PORTAL_DATABASE_URL"] = path
        case .postgres(let url, let schema):
            environment["PORTAL_DATABASE_URL"] = url
            environment["PORTAL_DATABASE_SCHEMA"] = schema
        case .sqliteInMemory: throw TestFailure("a second process cannot share an in-memory database")
        }
        environment.merge(extra) { _, new in new }
        let process = Process()
        process.executableURL = try RealBinary.url()
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = configuration.dataDirectory
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return process
    }

    static func waitUntil(_ what: String, seconds: Double, _ condition: () async throws -> Bool) async throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw TestFailure("timed out waiting until \(what)")
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// scripts/smtp_test_server.py with --hold-first-rcpt, on a port of its own.
final class HoldingSMTPServer: @unchecked Sendable {
    let directory: URL
    let port: Int
    private let process: Process

    init() async throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("portal-smtp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", packageRoot.appendingPathComponent("scripts/smtp_test_server.py").path,
                             "serve", "--dir", directory.path, "--hold-first-rcpt"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let ready = directory.appendingPathComponent("ready")
        var found: Int?
        for _ in 0..<1_500 where found == nil {
            found = (try? String(contentsOf: ready, encoding: .utf8)).flatMap { Int($0) }
            if found == nil { try await Task.sleep(for: .milliseconds(10)) }
        }
        guard let found else {
            process.terminate()
            throw TestFailure("the SMTP test server did not start (scripts/deps/mail-tools.sh installs aiosmtpd)")
        }
        port = found
    }

    var deliveredCount: Int {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".json") }.count
    }

    func messageIDs() throws -> [String] {
        try (1...max(1, deliveredCount)).compactMap { index in
            let file = directory.appendingPathComponent("\(index).json")
            guard FileManager.default.fileExists(atPath: file.path) else { return nil }
            let object = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any]
            return object?["message_id"] as? String
        }
    }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }
}

@Suite("Graceful stop of the real binary")
struct GracefulStopTests {
    /// SIGTERM ends `portal serve` (both listeners and the worker) with exit
    /// status 0; it once trapped asking the back office for its server after
    /// the back office had shut down.
    @Test
    func serveStopsCleanlyOnSIGTERM() async throws {
        try await withPortal(.sqlite) { app, _ in
            let port = try Self.freePort(), backOfficePort = try Self.freePort()
            let server = try MailKillTests.startPortal(["serve", "--env", "development"], for: app, environment: [
                "PORTAL_PORT": String(port), "PORTAL_BACKOFFICE_PORT": String(backOfficePort),
            ])
            defer { if server.isRunning { kill(server.processIdentifier, SIGKILL) } }
            try await MailKillTests.waitUntil("the portal answers /healthz", seconds: 120) {
                Self.get(port: port, path: "/healthz")?.hasPrefix("HTTP/1.1 200") == true
            }
            #expect(Self.get(port: backOfficePort, path: "/metrics")?.hasPrefix("HTTP/1.1 200") == true, "the back office listens too")
            kill(server.processIdentifier, SIGTERM)
            try await MailKillTests.waitUntil("the portal has stopped", seconds: 60) { !server.isRunning }
            #expect(server.terminationReason == .exit)
            #expect(server.terminationStatus == 0)
        }
    }

    /// A plain HTTP/1.1 GET over a socket; the status line and headers, or nil.
    static func get(port: Int, path: String) -> String? {
        let socket = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        guard connected else { return nil }
        let request = Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8)
        guard write(socket, request, request.count) == request.count else { return nil }
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(socket, &buffer, buffer.count)
            if count <= 0 { break }
            response += buffer[0..<count]
        }
        return response.isEmpty ? nil : String(decoding: response, as: UTF8.self)
    }

    static func freePort() throws -> Int {
        let socket = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0 }
        }
        guard bound else { throw TestFailure("no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
