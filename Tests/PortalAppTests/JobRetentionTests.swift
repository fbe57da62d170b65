import Fluent
import Foundation
import Testing
import VaporTesting
@testable import PortalApp
@testable import PortalCore
@testable import PortalWeb
@testable import PortalMember
@testable import PortalBackOffice

/// GDPR Art. 5(1)(e): a mail job's payload and the outbox file keep an
/// address and a confirmation link, so they go after PORTAL_JOB_RETENTION_DAYS.
@Suite("Finished jobs and their mails are pruned")
struct JobRetentionTests {
    @Test(arguments: TestDatabase.allCases)
    func aSentMailsJobAndFileGoAfterTheRetentionPeriod(_ db: TestDatabase) async throws {
        try await withPortal(db, environment: ["PORTAL_JOB_RETENTION_DAYS": "2"]) { app, clock in
            #expect(app.portal.jobs.recurring.contains { $0.kind == PortalJobKinds.jobPruning.name }, "scheduled nightly")
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            try await browser.post("/konto/profil/benachrichtigungen", form: ["email": "erika@example.org", "notify": "ja"])
            try await runDueJobs(app)
            let mailJobs = { try await app.portal.jobs.queue.list(limit: 100).filter { $0.kind == PortalJobKinds.mailSend.name } }
            #expect(try await mailJobs().map(\.state) == [.succeeded])
            #expect(try NotificationTests.mails(app).count == 1)

            clock.advance(by: 86_400)
            try await runRecurringJob(PortalJobKinds.jobPruning, app)
            #expect(try await mailJobs().count == 1, "within the period")
            #expect(try NotificationTests.mails(app).count == 1)

            clock.advance(by: 1.5 * 86_400)
            try await runRecurringJob(PortalJobKinds.jobPruning, app)
            #expect(try await mailJobs().isEmpty)
            #expect(try NotificationTests.mails(app).isEmpty, "the mail file goes with its job")
        }
    }
}
