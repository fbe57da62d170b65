import Fluent
import Foundation
import PortalDomain
import Vapor

/// The portal store (online copies, deleted when the online period ends)
/// and the member file ("Mitgliedsakte", the archive of record that keeps
/// every document). Both encrypt at rest.
package struct DocumentArchive: Sendable {
    package let portalStore: any BlobStore
    package let memberFile: any BlobStore
    package let clock: any PortalClock

    package static func make(configuration: PortalConfiguration, clock: any PortalClock, database: any Database) throws -> DocumentArchive {
        let cipher = BlobCipher(key: configuration.documentKey)
        let blobs = configuration.dataDirectory.appendingPathComponent("documents")
        let portal: any BlobStore = configuration.blobStoreInDatabase
            ? DatabaseBlobStore(sql: try database.requireSQL(), table: "blobs", cipher: cipher)
            : FileBlobStore(directory: blobs.appendingPathComponent("portal"), cipher: cipher)
        // The member file stands for the fund's own archive system; here it is a separate encrypted folder.
        let memberFile = FileBlobStore(directory: blobs.appendingPathComponent("member-file"), cipher: cipher)
        return DocumentArchive(portalStore: portal, memberFile: memberFile, clock: clock)
    }

    /// Files a new document in the member file and puts it online for its category's period.
    package func file(_ bytes: [UInt8], title: String, fileName: String, category: Document.Category, memberID: UUID,
              source: String, id: UUID = UUID(), dated: Date? = nil, on db: any Database) async throws -> Document {
        let now = clock.now()
        if let existing = try await Document.find(id, on: db) { return existing }
        let document = Document()
        document.id = id
        document.memberID = memberID
        document.title = title
        document.category = category
        document.documentDate = dated ?? now
        document.source = source
        document.availability = .online
        document.onlineUntil = now.addingTimeInterval(TimeInterval(category.onlineDays * 86_400))
        document.blobKey = document.id!.uuidString
        document.fileName = fileName
        document.byteCount = bytes.count
        document.createdAt = now
        try await memberFile.put(document.blobKey, bytes)
        try await portalStore.put(document.blobKey, bytes)
        try await document.create(on: db)
        return document
    }

    /// Bringing an offline document back online, first half: the portal copy
    /// from the member file; repeating it rewrites the same blob.
    package func copyOnline(_ document: Document) async throws {
        guard let bytes = try await memberFile.get(document.blobKey) else { throw Abort(.gone, reason: "member file copy missing") }
        try await portalStore.put(document.blobKey, bytes)
    }

    /// Second half: online again for a new period, from now.
    package func markOnline(_ document: Document, on db: any Database) async throws {
        let now = clock.now()
        document.availability = .online
        document.onlineUntil = now.addingTimeInterval(TimeInterval(document.category.onlineDays * 86_400))
        document.remindedAt = nil
        try await document.save(on: db)
    }

    /// Deletes the portal copy physically; the metadata and the member file's copy stay.
    package func takeOffline(_ document: Document, on db: any Database) async throws {
        try await portalStore.delete(document.blobKey)
        document.availability = .offline
        try await document.save(on: db)
    }

    /// The daily retention sweep: documents past their period go offline and
    /// their portal copy is deleted physically; 14 days before, an inbox reminder.
    package func sweep(on db: any Database) async throws -> (offline: Int, reminded: Int) {
        let now = clock.now()
        let expired = try await Document.query(on: db).filter(\.$availability == .online).filter(\.$onlineUntil <= now).all()
        for document in expired {
            try await takeOffline(document, on: db)
        }
        let soon = try await Document.query(on: db).filter(\.$availability == .online).filter(\.$remindedAt == nil)
            .filter(\.$onlineUntil <= now.addingTimeInterval(14 * 86_400)).all()
        for document in soon {
            try await db.writeTransaction { tx in
                document.remindedAt = now
                try await document.save(on: tx)
                try await Inbox.post(.documentExpiring, to: document.memberID,
                                     values: [.text(document.title), .day(of: document.onlineUntil ?? now)],
                                     documentID: document.id, on: tx, at: now)
            }
        }
        return (expired.count, soon.count)
    }

    /// Portal copies without a document that is online or being restored:
    /// left behind when the process died between a commit and the deletion
    /// that follows it (termination deletes files only after its commit), or
    /// between writing a copy and committing its row. Only copies older than
    /// a day are touched, so a copy whose row is still being committed stays.
    /// The member file is the fund's archive of record and is not swept.
    package func sweepOrphans(on db: any Database) async throws -> Int {
        let keys = try await portalStore.keys(storedBefore: clock.now().addingTimeInterval(-Self.orphanGrace))
        var removed = 0
        for start in stride(from: 0, to: keys.count, by: 500) {
            let chunk = Array(keys[start..<min(start + 500, keys.count)])
            let live = Set(try await Document.query(on: db).filter(\.$blobKey ~~ chunk)
                .filter(\.$availability != .offline).all(\.$blobKey))
            for key in chunk where !live.contains(key) {
                try await portalStore.delete(key)
                removed += 1
            }
        }
        return removed
    }

    /// How old a portal copy without a live document must be before the sweep deletes it.
    package static let orphanGrace: TimeInterval = 86_400
}
