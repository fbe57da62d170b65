import Fluent
import Foundation
import PortalDomain
import SQLKit
import Testing
import Vapor
@testable import PortalApp
@testable import PortalCore
@testable import PortalWeb
@testable import PortalMember
@testable import PortalBackOffice

@Suite("Files of a terminated account")
struct TerminationFilesTests {
    @Test(arguments: TestDatabase.allCases)
    func documentAndMailFilesStayWhenTheTerminationRollsBackAndGoWhenItCommits(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            try await browser.post("/konto/bescheinigungen", form: ["kind": "membership"])
            try await runDueJobs(app)
            try await NotificationTests.confirmAddress("erika@example.org", browser, app)
            let erika = try #require(try await Member.query(on: app.db).filter(\.$memberNumber == "10001/01").first())
            let document = try #require(try await Document.query(on: app.db).filter(\.$memberID == erika.requireID()).first())
            let portalFile = app.portal.configuration.dataDirectory.appendingPathComponent("documents/portal/\(document.blobKey).blob")
            let mailFiles = { files(in: app.portal.configuration.dataDirectory.appendingPathComponent("mail"), containing: "erika@example.org", skipping: []) }
            let mailsBefore = mailFiles()
            #expect(FileManager.default.fileExists(atPath: portalFile.path))
            #expect(!mailsBefore.isEmpty)

            // The database refuses the last step of the termination, so its transaction rolls back.
            try await refuseAccountDeletion(app, db)
            await #expect(throws: (any Error).self) {
                try await AccountTermination.terminate(try MemberNumber(parsing: "10001/01"), on: app.db, at: clock.now(), actor: .operator(name: "test"),
                                                       portalStore: app.portal.archive.portalStore, outbox: app.portal.mailOutbox)
            }
            #expect(try await Document.query(on: app.db).filter(\.$memberID == erika.requireID()).count() == 1)
            #expect(FileManager.default.fileExists(atPath: portalFile.path), "the document the database still lists is still readable")
            #expect(mailFiles() == mailsBefore)

            try await allowAccountDeletion(app, db)
            let report = try await AccountTermination.terminate(try MemberNumber(parsing: "10001/01"), on: app.db, at: clock.now(), actor: .operator(name: "test"),
                                                                portalStore: app.portal.archive.portalStore, outbox: app.portal.mailOutbox)
            #expect(report.documents == 1)
            #expect(!FileManager.default.fileExists(atPath: portalFile.path))
            #expect(mailFiles() == [])
        }
    }

    /// A store whose files cannot be deleted (a read-only mount, a full disk's journal).
    private struct UndeletableStore: BlobStore {
        let inner: any BlobStore
        func put(_ key: String, _ bytes: [UInt8]) async throws { try await inner.put(key, bytes) }
        func get(_ key: String) async throws -> [UInt8]? { try await inner.get(key) }
        func delete(_ key: String) async throws { throw CocoaError(.fileWriteNoPermission) }
        func keys(storedBefore cutoff: Date) async throws -> [String] { try await inner.keys(storedBefore: cutoff) }
    }

    @Test(arguments: TestDatabase.allCases)
    func aDocumentFileThatCannotBeDeletedIsNamedAndTheMailFilesGoAnyway(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            try await browser.post("/konto/bescheinigungen", form: ["kind": "membership"])
            try await runDueJobs(app)
            try await NotificationTests.confirmAddress("erika@example.org", browser, app)
            let erika = try #require(try await Member.query(on: app.db).filter(\.$memberNumber == "10001/01").first())
            let document = try #require(try await Document.query(on: app.db).filter(\.$memberID == erika.requireID()).first())
            let mailFolder = app.portal.configuration.dataDirectory.appendingPathComponent("mail")
            #expect(!files(in: mailFolder, containing: "erika@example.org", skipping: []).isEmpty)

            let store = UndeletableStore(inner: app.portal.archive.portalStore)
            do {
                _ = try await AccountTermination.terminate(try MemberNumber(parsing: "10001/01"), on: app.db, at: clock.now(), actor: .operator(name: "test"),
                                                           portalStore: store, outbox: app.portal.mailOutbox)
                Issue.record("a file that stayed was not reported")
            } catch let error as AccountTermination.FilesLeft {
                #expect(error.blobKeys == [document.blobKey])
                #expect(error.description.contains(document.blobKey))
            }
            #expect(files(in: mailFolder, containing: "erika@example.org", skipping: []) == [], "the mail files went all the same")
            #expect(try await Account.query(on: app.db).filter(\.$member.$id == erika.requireID()).count() == 0, "the database part is done")
        }
    }

    private func refuseAccountDeletion(_ app: Application, _ db: TestDatabase) async throws {
        let sql = try #require(app.db as? any SQLDatabase)
        switch db {
        case .sqlite:
            try await sql.raw("CREATE TRIGGER refuse_account_delete BEFORE DELETE ON accounts BEGIN SELECT RAISE(ABORT, 'refused by the test'); END").run()
        case .postgres:
            try await sql.raw("CREATE FUNCTION refuse_delete() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$ LANGUAGE plpgsql").run()
            try await sql.raw("CREATE TRIGGER refuse_account_delete BEFORE DELETE ON accounts FOR EACH ROW EXECUTE FUNCTION refuse_delete()").run()
        }
    }

    private func allowAccountDeletion(_ app: Application, _ db: TestDatabase) async throws {
        let sql = try #require(app.db as? any SQLDatabase)
        try await sql.raw(db == .sqlite ? "DROP TRIGGER refuse_account_delete" : "DROP TRIGGER refuse_account_delete ON accounts").run()
    }
}
