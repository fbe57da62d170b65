import Fluent
import Foundation
import Testing
import VaporTesting
@testable import PortalApp
@testable import PortalCore
@testable import PortalWeb
@testable import PortalMember
@testable import PortalBackOffice

@Suite("E-mail address, double opt-in and notifications")
struct NotificationTests {
    static func mails(_ app: Application) throws -> [String] {
        let directory = app.portal.configuration.dataDirectory.appendingPathComponent("mail")
        let files = (try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)) ?? []
        return try files.filter { $0.pathExtension == "eml" }.map { DevMailboxContext.decode(try String(contentsOf: $0, encoding: .utf8)) }
    }

    /// Enters and confirms an address through the mailed link, as the member would.
    static func confirmAddress(_ email: String, _ browser: Browser, _ app: Application) async throws {
        try await browser.post("/konto/profil/benachrichtigungen", form: ["email": email, "notify": "ja"])
        try await runDueJobs(app)
        let mail = try #require(try Self.mails(app).first { $0.contains("email-bestaetigen") })
        let link = try #require(Self.link(in: mail))
        try await browser.post("/email-bestaetigen", form: ["token": String(link.split(separator: "=").last ?? "")])
    }

    static func link(in mail: String) -> String? {
        guard let range = mail.range(of: "/email-bestaetigen?token=") else { return nil }
        return "/email-bestaetigen?token=" + mail[range.upperBound...].prefix { !$0.isWhitespace }
    }

    @Test(arguments: TestDatabase.allCases)
    func aNewAddressIsUsedOnlyAfterItsLinkIsConfirmedOnce(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            let saved = try await browser.post("/konto/profil/benachrichtigungen", form: ["email": "erika@example.org", "notify": "ja"])
            #expect(saved.location == "/konto/profil?gespeichert=1")
            #expect(try await browser.get("/konto/profil").body.string.contains("Bestätigungslink an erika@example.org"))
            try await runDueJobs(app)
            let confirmation = try #require(try Self.mails(app).first { $0.contains("email-bestaetigen") })
            let link = try #require(Self.link(in: confirmation))
            #expect(try await NotificationSetting.query(on: app.db).first()?.email == nil, "not used before confirmation")

            let page = try await browser.get(link)
            #expect(page.status == .ok)
            #expect(try await NotificationSetting.query(on: app.db).first()?.email == nil, "opening the link changes nothing")
            let token = String(link.split(separator: "=").last ?? "")
            let confirmed = try await browser.post("/email-bestaetigen", form: ["token": token])
            #expect(confirmed.status == .ok)
            #expect(confirmed.body.string.contains("ist bestätigt"))
            #expect(try await NotificationSetting.query(on: app.db).first()?.email == "erika@example.org")
            let reused = try await browser.post("/email-bestaetigen", form: ["token": token])
            #expect(reused.status == .gone, "single use")
            _ = clock
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func anExpiredLinkIsRefused(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            try await browser.post("/konto/profil/benachrichtigungen", form: ["email": "erika@example.org", "notify": "ja"])
            try await runDueJobs(app)
            let mail = try #require(try Self.mails(app).first)
            let link = try #require(Self.link(in: mail))
            clock.advance(by: 24 * 3600 + 1)
            let late = try await browser.post("/email-bestaetigen", form: ["token": String(link.split(separator: "=").last ?? "")])
            #expect(late.status == .gone)
            #expect(try await NotificationSetting.query(on: app.db).first()?.email == nil)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func newMessagesBecomeOneMailWithoutPersonalData(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            try await Self.confirmAddress("erika@example.org", browser, app)
            clock.advance(by: 601)
            try await browser.post("/konto/bescheinigungen", form: ["kind": "contributions", "year": "2025"])
            try await browser.post("/konto/bescheinigungen", form: ["kind": "membership"])
            try await runDueJobs(app)
            try await runRecurringJob(PortalJobKinds.notificationDispatch, app)
            try await runRecurringJob(PortalJobKinds.notificationDispatch, app)
            try await runDueJobs(app)
            let notices = try Self.mails(app).filter { $0.contains("etwas Neues") }
            #expect(notices.count == 1, "two certificates and a confirmation message, one e-mail")
            for mail in try Self.mails(app) {
                for secret in ["Mustermann", "Erika", "10001/01", "Beitragsbescheinigung", "€", "Gabler"] {
                    #expect(!mail.contains(secret), "no personal data in any e-mail: \(secret)")
                }
            }
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aBadAddressGetsAMessageAndNothingIsSent(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            for bad in ["erika", "erika@", "@example.org", "erika@example", "a b@example.org", "erika@example.org\r\nBcc: x@y.z"] {
                let response = try await browser.post("/konto/profil/benachrichtigungen", form: ["email": bad, "notify": "ja"])
                #expect(response.status == .unprocessableEntity, "\(bad)")
                #expect(response.body.string.contains("gültige E-Mail-Adresse"))
            }
            try await runDueJobs(app)
            #expect(try Self.mails(app).isEmpty)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aConfirmationLinkSubmittedSeveralTimesAtOnceConfirmsOnce(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            try await browser.post("/konto/profil/benachrichtigungen", form: ["email": "erika@example.org", "notify": "ja"])
            try await runDueJobs(app)
            let mail = try #require(try Self.mails(app).first { $0.contains("email-bestaetigen") })
            let token = String(try #require(Self.link(in: mail)).split(separator: "=").last ?? "")
            let formToken = try await browser.csrfToken()
            let statuses = try await withThrowingTaskGroup(of: UInt.self) { group in
                for _ in 0..<5 {
                    let tab = Browser(app)
                    tab.cookies = browser.cookies
                    group.addTask { try await tab.post("/email-bestaetigen", form: ["token": token, "csrf_token": formToken]).status.code }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.allSatisfy { $0 < 500 })
            #expect(try await NotificationSetting.query(on: app.db).first()?.email == "erika@example.org")
            #expect(try await InboxMessage.query(on: app.db).filter(\.$kind == "email.confirmed").count() == 1)
        }
    }
}
