import Fluent
import Foundation
import PortalDomain
import PortalJobs
import Vapor

/// "Dokument anfordern": restores an offline document from the member file
/// for a new online period and tells the member. Idempotent: a document
/// already online again is left as it is.
package struct DocumentRestore {
    package struct Payload: Codable, Sendable {
        package let documentID: UUID

        package init(documentID: UUID) {
            self.documentID = documentID
        }
    }

    package let database: PortalDatabase
    package let clock: any PortalClock
    package let archive: DocumentArchive

    package func run(_ context: JobContext) async throws {
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
