import Foundation
import Testing
import VaporTesting
@testable import PortalApp
@testable import PortalCore

/// Portal copies left behind by a crash (between a termination's commit and
/// its file deletion, or between writing a copy and committing its row) are
/// deleted by the nightly retention job; live copies and fresh ones stay.
@Suite struct OrphanedCopySweepTests {
    enum Store: String, CaseIterable { case files, database }

    static let cases: [(TestDatabase, Store)] = TestDatabase.allCases.flatMap { db in Store.allCases.map { (db, $0) } }

    @Test(arguments: cases)
    func theNightlySweepDeletesOnlyOldCopiesWithoutALiveDocument(_ db: TestDatabase, _ store: Store) async throws {
        try await withPortal(db, environment: ["PORTAL_BLOB_STORE": store.rawValue]) { app, clock in
            let archive = app.portal.archive
            let member = try #require(try await Member.query(on: app.db).first())
            let pdf = Array("%PDF-1.7 test".utf8)
            let online = try await archive.file(pdf, title: "Bescheid", fileName: "bescheid.pdf", category: .decision,
                                                memberID: member.requireID(), source: "test", on: app.db)
            let offline = try await archive.file(pdf, title: "Alt", fileName: "alt.pdf", category: .letter,
                                                 memberID: member.requireID(), source: "test", on: app.db)
            offline.availability = .offline
            try await offline.save(on: app.db)       // as if the process died before the copy was deleted
            let leftOver = UUID().uuidString         // a terminated member's copy, its row already gone
            let fresh = UUID().uuidString            // a copy whose row is still being committed
            try await archive.portalStore.put(leftOver, pdf)
            try await archive.portalStore.put(fresh, pdf)
            let longAgo = clock.now().addingTimeInterval(-3 * 86_400)
            for key in [online.blobKey, offline.blobKey, leftOver] {
                try await Self.age(key, to: longAgo, store: archive.portalStore, app: app)
            }

            try await runRecurringJob(PortalJobKinds.retentionSweep, app)

            #expect(try await archive.portalStore.get(leftOver) == nil, "a copy without a document is deleted")
            #expect(try await archive.portalStore.get(offline.blobKey) == nil, "an offline document's copy is deleted")
            #expect(try await archive.portalStore.get(online.blobKey) == pdf, "an online document keeps its copy")
            #expect(try await archive.portalStore.get(fresh) == pdf, "a copy younger than a day stays")
            #expect(try await archive.memberFile.get(offline.blobKey) == pdf, "the member file is never swept")
        }
    }

    /// Makes a stored copy look as old as `date`: the file's modification time, or the row's time.
    private static func age(_ key: String, to date: Date, store: any BlobStore, app: Application) async throws {
        switch store {
        case let files as FileBlobStore:
            try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: files.url(key).path)
        case let database as DatabaseBlobStore:
            try await database.sql.update(database.table).set("stored_at", to: date).where("key", .equal, key).run()
        default:
            Issue.record("unknown blob store \(type(of: store))")
        }
    }
}
