import Foundation

/// The built `portal` executable (or `portal-bench`), started the way an
/// operator starts it: what it prints and its exit status are what the
/// operator sees.
enum RealBinary {
    static func url(product: String = "portal") throws -> URL {
        let configured = product == "portal" ? ProcessInfo.processInfo.environment["PORTAL_BINARY"] : nil
        let binary = configured.map(URL.init(fileURLWithPath:)) ?? packageRoot.appendingPathComponent(".build/debug/\(product)")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw TestFailure("no \(product) binary at \(binary.path): run `swift build` first (scripts/test does)")
        }
        return binary
    }

    /// A clean environment (no variables of the test run leak in) with a data
    /// directory of its own, listening on ports the system picks.
    static func environment(dataDirectory: URL, _ extra: [String: String] = [:]) -> [String: String] {
        var environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "PORTAL_DATA_DIR": dataDirectory.path,
            "PORTAL_RESOURCES_DIR": packageRoot.path,
            "PORTAL_PORT": "0",
            "PORTAL_BACKOFFICE_PORT": "0",
            "PORTAL_SEED_DEMO": "false",
            "LOG_LEVEL": "warning",
        ]
        environment.merge(extra) { _, new in new }
        return environment
    }

    /// Starts the binary; stdout and stderr go to `output`. With `umask`, a
    /// shell sets it first (the test process's own umask is not ours to change).
    static func start(_ arguments: [String], product: String = "portal", environment: [String: String], in directory: URL,
                      output: URL, umask: String? = nil) throws -> Process {
        FileManager.default.createFile(atPath: output.path, contents: nil)
        let sink = try FileHandle(forWritingTo: output)
        let process = Process()
        if let umask {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "umask \(umask) && exec \"$0\" \"$@\"", try url(product: product).path] + arguments
        } else {
            process.executableURL = try url(product: product)
            process.arguments = arguments
        }
        process.environment = environment
        process.currentDirectoryURL = directory
        process.standardOutput = sink
        process.standardError = sink
        try process.run()
        return process
    }

    struct Finished {
        let status: Int32
        let output: String
    }

    /// Runs to the end. A process still running after `seconds` (say, a server
    /// that should have refused to start) is killed and reported as a failure.
    static func run(_ arguments: [String], product: String = "portal", environment: [String: String], in directory: URL,
                    seconds: Double = 60) async throws -> Finished {
        let output = directory.appendingPathComponent("output-\(UUID().uuidString).txt")
        let process = try start(arguments, product: product, environment: environment, in: directory, output: output)
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
            throw TestFailure("`\(product) \(arguments.joined(separator: " "))` still ran after \(Int(seconds)) s: \(text.prefix(500))")
        }
        process.waitUntilExit()
        return Finished(status: process.terminationStatus, output: (try? String(contentsOf: output, encoding: .utf8)) ?? "")
    }
}
