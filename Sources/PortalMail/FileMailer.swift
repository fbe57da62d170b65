import Foundation
import NIOPosix

/// Writes each message as `<Message-ID>.eml` into a directory instead of
/// sending it, so the embedded default works without a relay and the
/// development mailbox page can show, e.g., the confirmation link.
public struct FileMailer: Mailer {
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    /// The same Message-ID (the outbox's idempotency key) overwrites the same
    /// file, so a retried job leaves one mail, as a receiver would see it.
    public func send(_ message: MailMessage) async throws {
        let directory = directory
        let file = fileURL(for: message.messageID)
        let bytes = Data(MIMEBuilder().build(message))
        // On NIO's blocking pool: the portal runs Swift concurrency on its event loops.
        try await NIOThreadPool.singleton.runIfActive {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            // .atomic writes a temporary file and renames it: the mailbox page
            // never lists a half-written mail.
            try bytes.write(to: file, options: .atomic)
        }
    }

    public func fileURL(for messageID: String) -> URL {
        directory.appendingPathComponent(Self.fileName(for: messageID))
    }

    /// Keeps letters, digits, `.`, `-`, `_`, `@`; everything else, a `/` above
    /// all, becomes `_`, and a leading dot too, so the name stays inside the
    /// directory and visible.
    static func fileName(for messageID: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_@".unicodeScalars)
        var name = String(String.UnicodeScalarView(
            messageID.unicodeScalars.map { allowed.contains($0) ? $0 : "_" }))
        if name.hasPrefix(".") { name = "_" + name.dropFirst() }
        return name + ".eml"
    }
}
