import Fluent
import Foundation
import PortalJobs
import Vapor

/// "Dokument anfordern": restores an offline document from the member file
/// for a new online period and tells the member. Idempotent: a document
/// already online again is left as it is.
struct DocumentRestore {
    struct Payload: Codable, Sendable {
        let documentID: UUID
    }

    let app: Application

    func run(_ context: JobContext) async throws {
        let payload = try context.decodePayload(Payload.self)
        let archive = app.archive
        let now = app.portal.clock.now()
        guard let requested = try await Document.find(payload.documentID, on: app.db), requested.availability == .requested else { return }
        // The copy is made before the transaction: a database blob store writes
        // through its own connection, which must not wait for this one's lock.
        try await archive.copyOnline(requested)
        try await app.db.writeTransaction { db in
            guard let document = try await Document.find(payload.documentID, on: db), document.availability == .requested else { return }
            try await archive.markOnline(document, on: db)
            try await Inbox.post(.documentRestored, to: document.memberID,
                                 values: [.text(document.title), .day(of: document.onlineUntil ?? now)],
                                 documentID: document.id, on: db, at: now)
        }
    }
}
