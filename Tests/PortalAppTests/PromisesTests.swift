import Foundation
import Testing
import VaporTesting
@testable import PortalApp
@testable import PortalCore
@testable import PortalWeb
@testable import PortalMember
@testable import PortalBackOffice

/// Until cases land, the pages promise only what exists (issue 14, point 2).
@Suite("Pages promise only what the portal does")
struct PromisesTests {
    @Test(arguments: TestDatabase.allCases)
    func noPagePromisesCasesOrUploadsAndTheNavigationLeavesCasesOut(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            for language in ["de", "en"] {
                let browser = Browser(app)
                browser.cookies["lang"] = language
                try await browser.signIn(stock: "erika")
                for path in ["/", "/hilfe", "/konto", "/konto/profil", "/konto/bescheinigungen", "/konto/antraege", "/konto/entwuerfe"] {
                    let html = try await browser.get(path).body.string
                    for promise in ["rechtsverbindlich", "legally binding", "in Kürze", "bald direkt hier",
                                    "will soon be able", "wie weit Ihre Anliegen", "how far your matters"] {
                        #expect(!html.contains(promise), "\(path) in \(language) promises: \(promise)")
                    }
                    #expect(!html.contains("href=\"\(SiteURL.cases.path)\""), "\(path) links a coming-soon page")
                }
            }
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func certificateTimingIsTheSameWherePagesNameIt(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            #expect(try await browser.get("/hilfe").body.string.contains("in der Regel in wenigen Sekunden"))
            let certificates = try await browser.get("/konto/bescheinigungen").body.string
            #expect(certificates.contains("in der Regel in wenigen Sekunden") && !certificates.contains("sofort"))
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func theHostingNoteAppearsOnlyWhenTheFundConfiguresIt(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            let help = try await Browser(app).get("/hilfe").body.string
            #expect(!help.contains("Die Server stehen in Deutschland"))
        }
        try await withPortal(db, environment: ["PORTAL_FUND_HOSTING_NOTE": "Unsere Server stehen in Düsseldorf."]) { app, _ in
            let help = try await Browser(app).get("/hilfe").body.string
            #expect(help.contains("Unsere Server stehen in Düsseldorf."))
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func insideTheMaintenanceWindowTheRegistrationPageDoesNotSayItIsCheckingNow(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            clock.set(Date(timeIntervalSince1970: 1_773_195_000)) // 03:10 Berlin
            let browser = Browser(app)
            try await browser.signIn(stock: "lysky")
            try await browser.register("10003/01")
            let page = try await browser.get("/registrierung").body.string
            #expect(page.contains("nach 05:00 Uhr bearbeitet"))
            #expect(!page.contains("gerade"))
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func theAttemptLimitPageSaysWhenTheLockEndsAndWhomToCall(_ db: TestDatabase) async throws {
        try await withPortal(db, environment: ["PORTAL_FUND_PHONE": "0211 123456-7"]) { app, clock in
            let browser = Browser(app)
            try await browser.signIn(family: "FALSCH", given: "VERSUCH", born: "1970-01-01", pseudonym: "card-locked")
            for _ in 0..<5 {
                try await browser.register("10004/01")
                clock.advance(by: 10)
                try await runDueJobs(app)
            }
            let refused = try await browser.register("10004/01")
            #expect(refused.status == .tooManyRequests)
            let html = refused.body.string
            #expect(html.contains("24 Stunden"))
            #expect(html.contains("0211 123456-7"))
            #expect(html.range(of: #"bis zum \d{2}\.\d{2}\.\d{4} um \d{2}:\d{2} Uhr"#, options: .regularExpression) != nil, "\(html)")
        }
    }

    @Test
    func productionRefusesTheBuiltInPrivacyNoticeAndImprint() {
        let problems = PortalConfiguration.legalTextProblems(mode: .production, [:])
        #expect(problems.contains { $0.hasPrefix("PORTAL_PRIVACY_FILE is missing") })
        #expect(problems.contains { $0.hasPrefix("PORTAL_IMPRINT_FILE is missing") })
        #expect(PortalConfiguration.legalTextProblems(mode: .production, ["PORTAL_PRIVACY_FILE": "/etc/p.txt", "PORTAL_IMPRINT_FILE": "/etc/i.txt"]).isEmpty)
        #expect(PortalConfiguration.legalTextProblems(mode: .development, [:]).isEmpty)
    }
}
