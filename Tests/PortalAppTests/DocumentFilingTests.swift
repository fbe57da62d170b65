import Fluent
import Foundation
import Testing
import VaporTesting
@testable import PortalApp
@testable import PortalCore
@testable import PortalWeb
@testable import PortalMember
@testable import PortalBackOffice

@Suite("Filing a case worker's document")
struct DocumentFilingTests {
    @Test(arguments: TestDatabase.allCases)
    func theFilerIsOnRecordAndARefusalIsTypedAndStoresNothing(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            let filing = DocumentFiling(database: app.db, clock: clock, archive: app.portal.archive)
            let pdf = Data("%PDF-1.7\n%test\n".utf8)
            let clerk = AuditActor.staff(id: UUID())

            await #expect(throws: DocumentFiling.Refusal.notPDF) {
                try await filing.file(Data("MZ".utf8), to: "10001/01", category: "letter", title: "Schreiben", date: nil, actor: clerk)
            }
            await #expect(throws: DocumentFiling.Refusal.unknownMember("99999/01")) {
                try await filing.file(pdf, to: "99999/01", category: "letter", title: "Schreiben", date: nil, actor: clerk)
            }
            #expect(try await Document.query(on: app.db).count() == 0)

            let document = try await filing.file(pdf, to: "10001/01", category: "letter", title: "Schreiben", date: "2025-01-31", actor: clerk)
            #expect(document.source == clerk.auditValue)
            let entry = try #require(try await AuditEntry.query(on: app.db).filter(\.$action == "document.add").first())
            #expect(entry.actor == clerk.auditValue)
            #expect(entry.memberID == document.memberID)
        }
    }
}
