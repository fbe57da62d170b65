import Fluent
import Foundation
import PortalDomain
import PortalJobs
import Vapor

/// "Dokument anfordern": restores an offline document from the member file
/// for a new online period and tells the member. Idempotent: a document
/// already online again is left as it is.
struct DocumentRestore {
    struct Payload: Codable, Sendable {
        let documentID: UUID
    }

    let database: PortalDatabase
    let clock: any PortalClock
    let archive: DocumentArchive

    func run(_ context: JobContext) async throws {
        let payload = try context.decodePayload(Payload.self)
        let now = clock.now()
        guard let requested = try await Document.find(payload.documentID, on: database.db), requested.availability == .requested else { return }
        // The copy is made before the transaction: a database blob store writes
        // through its own connection, which must not wait for this one's lock.
        try await archive.copyOnline(requested)
        try await database.db.writeTransaction { db in
            guard let document = try await Document.find(payload.documentID, on: db), document.availability == .requested else { return }
            try await archive.markOnline(document, on: db)
            try await Inbox.post(.documentRestored, to: document.memberID,
                                 values: [.text(document.title), .day(of: document.onlineUntil ?? now)],
                                 documentID: document.id, on: db, at: now)
        }
    }
}
