import Foundation
import NIOPosix
import PortalDomain
import SQLKit

/// The portal's own SQLite backup (issue 3, point 9), run by the backup job
/// inside the maintenance window.
public enum SQLiteBackup {
    public static let filePrefix = "portal-"
    public static let fileSuffix = ".sqlite"

    /// Copies the live database into `directory` with `VACUUM INTO`, an
    /// online, consistent copy that readers and writers do not have to stop
    /// for, then deletes all but the `keep` newest backups. File names carry
    /// the UTC time (`portal-20261129T033000Z.sqlite`), so name order is age
    /// order. Returns the new file.
    @discardableResult
    public static func run(db: any SQLDatabase, to directory: URL, keep: Int, clock: any PortalClock) async throws -> URL {
        guard try DatabaseFlavor(db) == .sqlite else {
            throw JobQueueError.unsupportedDatabase("\(db.dialect.name) (use PostgresBackupHook)")
        }
        let target = directory.appendingPathComponent(fileName(at: clock.now()))
        // File system calls on NIO's blocking pool: the portal runs Swift
        // concurrency on its event loops, which must not wait for a disk.
        try await NIOThreadPool.singleton.runIfActive {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            // VACUUM INTO refuses to overwrite; a second run in the same second
            // would be a duplicate anyway.
            if FileManager.default.fileExists(atPath: target.path) {
                try FileManager.default.removeItem(at: target)
            }
        }
        try await db.raw("VACUUM INTO \(bind: target.path)").run()
        try await NIOThreadPool.singleton.runIfActive { try rotate(directory, keep: keep) }
        return target
    }

    static func fileName(at date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let stamp = String(
            format: "%04d%02d%02dT%02d%02d%02dZ",
            c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0, c.second ?? 0
        )
        return filePrefix + stamp + fileSuffix
    }

    /// Backups in `directory`, oldest first.
    public static func backups(in directory: URL) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.lastPathComponent.hasPrefix(filePrefix) && $0.lastPathComponent.hasSuffix(fileSuffix) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    static func rotate(_ directory: URL, keep: Int) throws {
        let all = try backups(in: directory)
        for old in all.dropLast(max(keep, 1)) {
            try FileManager.default.removeItem(at: old)
        }
    }
}
