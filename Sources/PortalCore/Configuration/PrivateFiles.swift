import Foundation

/// The data directory and the SQLite database hold members' personal data:
/// they are created readable by the portal's user only, whatever the umask
/// (022 on most systems would make them world-readable; GDPR Art. 32).
package enum PrivateFiles {
    package static func createDirectory(_ url: URL) throws {
        guard !FileManager.default.fileExists(atPath: url.path) else { return }
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        // The attributes pass through the umask on some platforms; set them once more.
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: url.path)
    }

    /// Creates an empty database file before SQLite opens it: SQLite gives
    /// its `-wal` and `-shm` files the mode of the database file.
    package static func prepareSQLiteFile(atPath path: String) throws {
        guard !FileManager.default.fileExists(atPath: path) else { return }
        try createDirectory(URL(fileURLWithPath: path).deletingLastPathComponent())
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
    }
}
