import Foundation
import PortalDomain

/// PostgreSQL backups are not copied by the portal: production databases
/// have their own tooling (pg_dump, base backups, WAL archiving). The backup
/// job runs a configured shell command instead, for example
///
///     pg_dump --format=custom --file="$PORTAL_BACKUP_FILE" "$DATABASE_URL"
///
/// The command gets `PORTAL_BACKUP_DIR` and `PORTAL_BACKUP_FILE` (a fresh,
/// timestamped `.dump` path) in its environment, on top of the portal's own.
/// A non-zero exit fails the job, so it is retried and, at the end, dead and
/// visible to operators.
public struct PostgresBackupHook: Sendable {
    public let command: String
    public let directory: URL

    public struct Failed: Error, CustomStringConvertible {
        public let status: Int32
        public let output: String
        public var description: String { "backup command exited with status \(status): \(output)" }
    }

    public init(command: String, directory: URL) {
        self.command = command
        self.directory = directory
    }

    /// Runs the command; returns the file path it was asked to write.
    @discardableResult
    public func run(clock: any PortalClock) async throws -> URL {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let name = SQLiteBackup.fileName(at: clock.now())
            .replacingOccurrences(of: SQLiteBackup.fileSuffix, with: ".dump")
        let file = directory.appendingPathComponent(name)
        let (status, output) = try await Self.runShell(command, environment: [
            "PORTAL_BACKUP_DIR": directory.path, "PORTAL_BACKUP_FILE": file.path,
        ])
        guard status == 0 else { throw Failed(status: status, output: output) }
        return file
    }

    /// Runs `/bin/sh -c command` on a plain thread: waiting for a dump that
    /// takes minutes must not block a thread of Swift's cooperative pool.
    static func runShell(_ command: String, environment extra: [String: String]) async throws -> (Int32, String) {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/bin/sh")
                process.arguments = ["-c", command]
                process.environment = ProcessInfo.processInfo.environment.merging(extra) { $1 }
                let pipe = Pipe()
                process.standardOutput = pipe
                process.standardError = pipe
                do {
                    try process.run()
                } catch {
                    continuation.resume(throwing: error)
                    return
                }
                // Read before waiting: a full pipe would otherwise block the child.
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                let tail = String(decoding: data.suffix(2000), as: UTF8.self)
                continuation.resume(returning: (process.terminationStatus, tail))
            }
        }
    }
}
