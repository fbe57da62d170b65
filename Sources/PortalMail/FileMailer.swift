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

    /// Deletes the file of one mail (the outbox job was pruned); false if there was none.
    @discardableResult
    public func delete(messageID: String) async throws -> Bool {
        let file = fileURL(for: messageID)
        return try await NIOThreadPool.singleton.runIfActive {
            guard FileManager.default.fileExists(atPath: file.path) else { return false }
            try FileManager.default.removeItem(at: file)
            return true
        }
    }

    /// Deletes every mail addressed to one of `addresses` (compared
    /// case-insensitively in the To header): account termination removes
    /// mails whose jobs are already gone. Returns how many.
    public func deleteMessages(to addresses: Set<String>) async throws -> Int {
        let wanted = Set(addresses.map { $0.lowercased() })
        guard !wanted.isEmpty else { return 0 }
        let directory = directory
        return try await NIOThreadPool.singleton.runIfActive {
            let files = (try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)) ?? []
            var deleted = 0
            for file in files where file.pathExtension == "eml" {
                guard let text = try? String(contentsOf: file, encoding: .utf8),
                      let recipients = Self.recipients(in: text), !recipients.isDisjoint(with: wanted) else { continue }
                try FileManager.default.removeItem(at: file)
                deleted += 1
            }
            return deleted
        }
    }

    /// The addresses of the To header, lower-cased: `<a@b>` or bare, comma-separated, unfolded.
    static func recipients(in message: String) -> Set<String>? {
        let header = message.components(separatedBy: "\r\n\r\n").first ?? message
        let unfolded = header.replacingOccurrences(of: "\r\n ", with: " ").replacingOccurrences(of: "\r\n\t", with: " ")
        guard let line = unfolded.components(separatedBy: "\r\n").first(where: { $0.lowercased().hasPrefix("to:") }) else { return nil }
        let addresses = line.dropFirst(3).split(separator: ",").map { part -> String in
            let text = String(part)
            if let open = text.lastIndex(of: "<"), let close = text.lastIndex(of: ">"), open < close {
                return String(text[text.index(after: open)..<close])
            }
            return text.trimmingCharacters(in: .whitespaces)
        }
        return Set(addresses.map { $0.lowercased() })
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
