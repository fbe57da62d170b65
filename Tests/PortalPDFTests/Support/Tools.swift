import Foundation

/// Runs the real PDF tools (qpdf, poppler, python3 with pikepdf and pyHanko).
/// A missing tool fails the test with the command that installs it.
enum Tools {
    struct Missing: Error, CustomStringConvertible {
        var tool: String
        var description: String { "\(tool) is missing: run scripts/deps/pdf-tools.sh" }
    }

    struct Failed: Error, CustomStringConvertible {
        var command: String, status: Int32, output: String
        var description: String { "\(command) exited \(status): \(output) (if a module is missing, run scripts/deps/pdf-tools.sh)" }
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func locate(_ tool: String) throws -> URL {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(tool)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw Missing(tool: tool)
    }

    /// Runs `tool` and returns its output; with `check`, a non-zero exit is an error.
    @discardableResult
    static func run(_ tool: String, _ arguments: [String], check: Bool = true) throws -> Result {
        let process = Process()
        process.executableURL = try locate(tool)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read before waiting, so a chatty tool cannot block on a full pipe (our tools write little to stderr).
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let result = Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
        if check && result.status != 0 {
            throw Failed(command: ([tool] + arguments).joined(separator: " "), status: result.status, output: result.stdout + result.stderr)
        }
        return result
    }

    /// scripts/pdfcheck.py, found by walking up from this file to the repository root.
    static func pdfcheckScript() throws -> String {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = directory.appendingPathComponent("scripts/pdfcheck.py")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate.path }
            directory.deleteLastPathComponent()
        }
        throw Missing(tool: "scripts/pdfcheck.py")
    }

    /// Runs pdfcheck.py and decodes its JSON.
    static func pdfcheck(_ arguments: [String]) throws -> [String: Any] {
        let result = try run("python3", [try pdfcheckScript()] + arguments)
        guard let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] else {
            throw Failed(command: "pdfcheck.py", status: 0, output: result.stdout)
        }
        return object
    }

    static func pdftotext(_ file: URL, page: Int? = nil) throws -> String {
        var arguments = ["-enc", "UTF-8"]
        if let page { arguments += ["-f", "\(page)", "-l", "\(page)"] }
        return try run("pdftotext", arguments + [file.path, "-"]).stdout
    }
}
