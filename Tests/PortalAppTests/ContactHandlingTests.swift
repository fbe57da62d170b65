import Fluent
import Foundation
import Testing
import VaporTesting
@testable import PortalApp
@testable import PortalCore
@testable import PortalWeb
@testable import PortalMember
@testable import PortalBackOffice

@Suite("Marking a contact message handled")
struct ContactHandlingTests {
    @Test(arguments: TestDatabase.allCases)
    func caseWorkersMarkingAtOnceMarkItOnceWithOneAuditEntry(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            let erika = try #require(try await Member.query(on: app.db).filter(\.$memberNumber == "10001/01").first())
            let message = ContactMessage()
            message.memberID = try erika.requireID()
            message.topic = .question
            message.text = "Wann kommt meine Renteninformation?"
            message.state = .new
            message.createdAt = clock.now()
            try await message.create(on: app.db)
            let id = try message.requireID()
            clock.advance(by: 3600)
            let handling = ContactHandling(database: app.db, clock: clock)

            let marked = try await withThrowingTaskGroup(of: Bool.self) { group in
                for worker in 0..<8 {
                    group.addTask { try await handling.markHandled(id, actor: .operator(name: "worker\(worker)")) }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }

            #expect(marked.filter { $0 }.count == 1, "\(marked)")
            let entries = try await AuditEntry.query(on: app.db).filter(\.$action == "contact.handled").all()
            #expect(entries.count == 1)
            #expect(entries.first?.memberID == erika.id)
            #expect(entries.first?.actor.hasPrefix("operator:worker") == true)
            let stored = try #require(try await ContactMessage.find(id, on: app.db))
            #expect(stored.state == .handled)
            #expect(stored.handledAt == clock.now())
            #expect(try await handling.markHandled(id, actor: .operator(name: "late")) == false, "already handled: nothing changes")
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "contact.handled").count() == 1)
        }
    }
}
