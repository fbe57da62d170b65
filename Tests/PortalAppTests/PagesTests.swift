import Foundation
import Testing
import VaporTesting
@testable import PortalApp
@testable import PortalCore
@testable import PortalWeb
@testable import PortalMember
@testable import PortalBackOffice

@Suite("Pages, languages and the member area")
struct PagesTests {
    @Test(arguments: TestDatabase.allCases)
    func publicPagesRenderInGermanAndEnglishWithoutMissingTexts(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            for (language, expected) in [("de", "Mit Online-Ausweis anmelden"), ("en", "Sign in with your eID")] {
                let browser = Browser(app)
                browser.cookies["lang"] = language
                let start = try await browser.get("/")
                #expect(start.status == .ok)
                #expect(start.body.string.contains(expected))
                #expect(start.body.string.contains("<html lang=\"\(language)\">"))
                for path in ["/", "/datenschutz", "/impressum", "/hilfe", "/dev/eid", "/nirgendwo"] {
                    let html = try await browser.get(path).body.string
                    #expect(!html.contains("⟦"), "untranslated key on \(path) in \(language)")
                    #expect(html.contains("href=\"#main\""), "skip link on \(path)")
                    #expect(html.contains("<main id=\"main\""), "main landmark on \(path)")
                    #expect(!html.contains("<script>") && !html.contains("style=\""), "no inline script or style on \(path)")
                }
            }
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func acceptLanguageChoosesEnglishAndTheSwitchOverridesIt(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            let browser = Browser(app)
            let english = try await browser.get("/hilfe", headers: ["Accept-Language": "en-GB,en;q=0.9"])
            #expect(english.body.string.contains("Frequently asked questions"))
            let switched = try await browser.get("/sprache/de?zurueck=/hilfe")
            #expect(switched.location == "/hilfe")
            let german = try await browser.get("/hilfe", headers: ["Accept-Language": "en-GB,en;q=0.9"])
            #expect(german.body.string.contains("Häufige Fragen"))
            #expect(try await browser.get("/sprache/en?zurueck=//evil.example").location == "/", "no open redirect")
            #expect(try await browser.get("/sprache/xx").status == .notFound)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func dashboardShowsTheMembersNameAndLatestContributions(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            let html = try await browser.get("/konto").body.string
            #expect(html.contains("Guten Tag, Erika Mustermann"))
            #expect(html.contains("10001/01"))
            #expect(html.contains("12/2025"), "latest booked month")
            #expect(html.contains(" €"))
            for section in ["Profil", "Dokumentenarchiv", "Posteingang", "Bescheinigungen", "Hilfe"] {
                #expect(html.contains(section), "navigation names \(section)")
            }
            #expect(!html.contains("Ihr Zugang ist freigeschaltet"))
            let welcome = try await browser.get("/konto?willkommen=1").body.string
            #expect(welcome.contains("<div class=\"notice\" role=\"status\"><p>Ihr Zugang ist freigeschaltet."), "the notice after activation")
            #expect(try await browser.get("/konto?willkommenheit=1").body.string.contains("Ihr Zugang ist freigeschaltet") == false)
            #expect(html.contains("<a href=\"/konto/profil\">Profil</a>"), "the overview links the sections")
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func profileShowsTheImportedRecordReadOnly(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            let html = try await browser.get("/konto/profil").body.string
            for text in ["Mustermann", "Erika", "Gabler", "12.08.1964", "Heidestraße 17", "51147", "Köln", "Mitglied"] {
                #expect(html.contains(text), "profile shows \(text)")
            }
            for value in ["Mustermann", "Erika", "Heidestraße 17", "51147", "Köln"] {
                #expect(!html.contains("value=\"\(value)\""), "personal data is shown as text, never as an editable field: \(value)")
            }
            #expect(!html.contains("name=\"family_name\"") && !html.contains("name=\"street\""))
        }
    }

    @Test
    func theNavigationMarksExactlyTheSectionThePageBelongsTo() async throws {
        try await withPortal(.sqlite) { app, _ in
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            for (path, section) in [("/konto", "/konto"), ("/konto/dokumente", "/konto/dokumente"),
                                    ("/konto/posteingang", "/konto/posteingang"), ("/konto/bescheinigungen", "/konto/bescheinigungen"),
                                    ("/hilfe", "/hilfe")] {
                let html = try await browser.get(path).body.string
                let current = html.matches(of: /<a href="([^"]+)" aria-current="page">/).map { String($0.output.1) }
                #expect(current == [section], "\(path) marks \(current)")
            }
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func memberAreaNeedsASignIn(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            let browser = Browser(app)
            for path in SecurityBaselineTests.memberInventory where path != "/registrierung" {
                let response = try await browser.get(path)
                #expect(response.status == .seeOther, "\(path)")
                #expect(response.location == "/", "\(path)")
            }
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func privacyAndImprintShowTheFundsConfiguredTexts(_ db: TestDatabase) async throws {
        let privacy = FileManager.default.temporaryDirectory.appendingPathComponent("privacy-\(UUID()).txt")
        try "Unsere eigene Datenschutzerklärung <b>fett</b>".write(to: privacy, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: privacy) }
        try await withPortal(db, environment: ["PORTAL_PRIVACY_FILE": privacy.path, "PORTAL_FUND_NAME": "Versorgungswerk Testland"]) { app, _ in
            let html = try await Browser(app).get("/datenschutz").body.string
            #expect(html.contains("Unsere eigene Datenschutzerklärung &lt;b&gt;fett&lt;/b&gt;"), "escaped, never raw HTML")
            #expect(html.contains("Versorgungswerk Testland"))
            let imprint = try await Browser(app).get("/impressum").body.string
            #expect(imprint.contains("Versorgungswerk Testland"))
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func devEIDFormNamesEveryBadFieldWithoutSigningIn(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            let browser = Browser(app)
            let response = try await browser.post("/dev/eid", form: [
                "family_names": "", "given_names": "Max", "date_of_birth": "1980-02-30", "pseudonym": "p-1",
                "document_type": "XX", "issuing_state": "D1",
            ])
            #expect(response.status == .unprocessableEntity)
            let html = response.body.string
            #expect(html.contains("Geben Sie einen Familiennamen ein."))
            #expect(html.contains("JJJJ-MM-TT, JJJJ-MM oder JJJJ"))
            #expect(html.contains("href=\"#document_type\""))
            #expect(html.contains("href=\"#issuing_state\""))
            #expect(html.contains("value=\"Max\""), "good input kept")
            #expect(try await browser.get("/konto").location == "/")
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func devEIDSignsInAnyTypedIdentityWithAPartialBirthDate(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            let browser = Browser(app)
            let response = try await browser.post("/dev/eid", form: [
                "family_names": "ÖZM̂EN", "given_names": "AĞÇA", "date_of_birth": "1989", "pseudonym": "typed-card-1",
                "document_type": "AR", "issuing_state": "D",
            ])
            #expect(response.status == .seeOther)
            #expect(response.location == "/registrierung")
        }
    }

    @Test
    func devEIDDoesNotExistWhenSwitchedOff() async throws {
        try await withPortal(.sqlite, environment: ["PORTAL_DEV_EID": "false"]) { app, _ in
            let browser = Browser(app)
            let simulator = try await browser.get("/dev/eid")
            #expect(simulator.status == .notFound)
            let signIn = try await browser.get("/anmelden")
            #expect(signIn.status == .serviceUnavailable)
        }
    }
}
