import Fluent
import Foundation
import Testing
import VaporTesting
@testable import PortalApp
import PortalDomain
@testable import PortalCore
@testable import PortalWeb
@testable import PortalMember
@testable import PortalBackOffice

@Suite("Pages and messages in the reader's language")
struct ReaderLanguageTests {
    @Test(arguments: TestDatabase.allCases)
    func anAcceptLanguageThePortalDoesNotSpeakFallsBackToGerman(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            let browser = Browser(app)
            for header in ["fr", "tr, pl;q=0.8", "en;q=0", "fr, de;q=0.5, en;q=0.2", "eo, en-x;q=0"] {
                let page = try await browser.get("/hilfe", headers: ["Accept-Language": header]).body.string
                #expect(page.contains("<html lang=\"de\">"), "\(header)")
            }
            let english = try await browser.get("/hilfe", headers: ["Accept-Language": "fr, en;q=0.5"]).body.string
            #expect(english.contains("<html lang=\"en\">"), "English, when asked for, still wins over German")
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func englishPagesSpellTheMonthOutAndGermanPagesKeepDigits(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            #expect(try await browser.get("/konto/profil").body.string.contains("12.08.1964"))
            browser.cookies["lang"] = "en"
            let english = try await browser.get("/konto/profil").body.string
            #expect(english.contains("12 August 1964"))
            #expect(!english.contains("12/08/1964"))
        }
    }

    @Test func amountsAndDatesFollowTheLanguage() {
        let day = PartialDate(year: 2027, month: 3, day: 4)
        #expect(Format.date(day, .de) == "04.03.2027")
        #expect(Format.date(day, .en) == "4 March 2027")
        #expect(Format.euros(cents: 123_456, .de) == "1.234,56 €")
        #expect(Format.euros(cents: 123_456, .en) == "€1,234.56")
    }

    @Test(arguments: TestDatabase.allCases)
    func aDocumentReminderShowsItsDateInTheLanguageOfTheReader(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            _ = try await DocumentsAndCertificatesTests.requestCertificate(browser, app, kind: "membership")
            try await runDueJobs(app)
            let document = try #require(try await Document.query(on: app.db).first())
            let until = try #require(document.onlineUntil)
            clock.advance(by: 77 * 86_400)
            #expect(try await app.portal.archive.sweep(on: app.db).reminded == 1)
            let message = try #require(try await InboxMessage.query(on: app.db).filter(\.$kind == "document.expiring").first())
            let href = "/konto/posteingang/\(try message.requireID().uuidString)"
            let parts = Calendar.berlin.dateComponents([.year, .month, .day], from: until)
            let (day, month, year) = (try #require(parts.day), try #require(parts.month), try #require(parts.year))
            let months = ["January", "February", "March", "April", "May", "June", "July", "August",
                          "September", "October", "November", "December"]

            try await browser.signIn(stock: "erika")
            let german = try await browser.get(href).body.string
            #expect(german.contains(String(format: "bis zum %02d.%02d.%04d", day, month, year)))
            browser.cookies["lang"] = "en"
            let english = try await browser.get(href).body.string
            #expect(english.contains("until \(day) \(months[month - 1]) \(year)"))
            #expect(!english.contains(String(format: "%02d.%02d.%04d", day, month, year)))
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func thePortalsOwnCertificateTitlesReadInTheReadersLanguage(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            _ = try await DocumentsAndCertificatesTests.requestCertificate(browser, app, kind: "contributions", year: "2025")
            try await runDueJobs(app)
            let erika = try #require(try await Member.query(on: app.db).filter(\.$memberNumber == "10001/01").first())
            try await Inbox.post(.documentProvided, to: try erika.requireID(), parameters: ["Bescheid über Ihre Beiträge"], on: app.db, at: testStart)

            try await browser.signIn(stock: "erika")
            #expect(try await browser.get("/konto/dokumente").body.string.contains("Beitragsbescheinigung 2025"))
            browser.cookies["lang"] = "en"
            let documents = try await browser.get("/konto/dokumente").body.string
            #expect(documents.contains("Contribution certificate 2025"))
            #expect(!documents.contains("Beitragsbescheinigung"))
            let inbox = try await browser.get("/konto/posteingang").body.string
            #expect(inbox.contains("Your certificate is ready: Contribution certificate 2025"))
            #expect(inbox.contains("New document: Bescheid über Ihre Beiträge"), "the fund's own titles stay as the fund wrote them")
        }
    }

    @Test func messagesWrittenWithTextParametersStillRead() throws {
        let message = InboxMessage()
        message.parametersJSON = #"["Bescheid 2024",{"date":"2027-03-04"}]"#
        #expect(message.parameters == [.text("Bescheid 2024"), .date("2027-03-04")])
        #expect(message.parameters.map { $0.text(in: .en) } == ["Bescheid 2024", "4 March 2027"])
    }

    @Test(arguments: TestDatabase.allCases)
    func formerDemoMembersHaveNoBookingsAfterLeaving(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            let formers = try await Member.query(on: app.db).filter(\.$status == "former").all()
            #expect(!formers.isEmpty)
            let year = try #require(Calendar.berlin.dateComponents([.year], from: testStart).year)
            for former in formers {
                let bookings = try await ContributionRecord.query(on: app.db).filter(\.$member.$id == former.requireID()).all()
                #expect(bookings.allSatisfy { $0.year < year - 1 }, "\(former.memberNumber) left in the year before last")
            }
            let thomas = try #require(formers.first { $0.memberNumber == "10007/01" })
            let months = try await ContributionRecord.query(on: app.db).filter(\.$member.$id == thomas.requireID()).all()
            #expect(!months.isEmpty, "a former member keeps the bookings from before leaving")
        }
    }
}
