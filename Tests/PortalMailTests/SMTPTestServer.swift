import Foundation

/// A real aiosmtpd server (scripts/smtp_test_server.py) on a port of its own,
/// storing what it receives in a fresh directory. One per test, so tests
/// run in parallel without sharing state.
final class SMTPTestServer {
    struct Options {
        var starttls: TestCertificate?
        var implicitTLS: TestCertificate?
        var auth: (user: String, password: String)?
        var failFirst = 0
        var reject = false
    }

    /// What the server's Python e-mail parser read from one delivered message.
    struct Received: Decodable {
        let subject: String
        let from: String
        let to: String
        let message_id: String
        let date: String
        let mime_version: String
        let content_type: String
        let charset: String?
        let transfer_encoding: String
        let body: String
        let defects: [String]
        let envelope_from: String?
        let envelope_to: [String]?
        let authenticated: Bool?
        let tls: Bool?
    }

    let port: Int
    let directory: URL
    private let process: Process

    init(_ options: Options = Options()) async throws {
        directory = try TestFiles.makeTemporaryDirectory()
        var arguments = [TestFiles.script("smtp_test_server.py").path, "serve", "--dir", directory.path]
        if let cert = options.starttls { arguments += ["--starttls", cert.certificatePath, cert.keyPath] }
        if let cert = options.implicitTLS { arguments += ["--implicit-tls", cert.certificatePath, cert.keyPath] }
        if let auth = options.auth { arguments += ["--auth", auth.user, auth.password] }
        if options.failFirst > 0 { arguments += ["--fail-first", String(options.failFirst)] }
        if options.reject { arguments.append("--reject") }
        let log = directory.appendingPathComponent("server.log")
        process = try TestFiles.startPython(arguments, log: log)
        port = try await Self.waitForPort(in: directory, process: process, log: log)
    }

    /// Polls for the port file the script writes once it listens; a failed
    /// start (aiosmtpd missing) ends the test with the script's own message.
    private static func waitForPort(in directory: URL, process: Process, log: URL) async throws -> Int {
        let ready = directory.appendingPathComponent("ready")
        for _ in 0..<1500 {
            if let text = try? String(contentsOf: ready, encoding: .utf8), let port = Int(text) {
                return port
            }
            if !process.isRunning { break }
            try await Task.sleep(for: .milliseconds(10))
        }
        process.terminate()
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        throw TestFailure("SMTP test server did not start (run scripts/deps/mail-tools.sh if aiosmtpd is missing): \(output)")
    }

    /// Delivered messages in order. The script writes them before it answers
    /// 250, so after a successful send they are already here.
    func received() throws -> [Received] {
        var messages: [Received] = []
        var index = 1
        while let data = try? Data(contentsOf: directory.appendingPathComponent("\(index).json")) {
            messages.append(try JSONDecoder().decode(Received.self, from: data))
            index += 1
        }
        return messages
    }

    func rawMessage(_ index: Int) throws -> String {
        try String(contentsOf: directory.appendingPathComponent("\(index).eml"), encoding: .utf8)
    }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }
}
