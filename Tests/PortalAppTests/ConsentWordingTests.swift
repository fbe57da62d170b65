import Foundation
import Testing
import VaporTesting
@testable import PortalApp
@testable import PortalCore
@testable import PortalWeb
@testable import PortalMember
@testable import PortalBackOffice

/// The portal's legal basis is Art. 6 (1) c and e GDPR, not consent: the
/// registration form asks people to take note of the privacy notice.
@Suite("Privacy notice wording on the registration form")
struct ConsentWordingTests {
    @Test(arguments: TestDatabase.allCases)
    func registrationFormAsksToTakeNoteOfThePrivacyNoticeNotForConsent(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            for (language, takeNote, consent) in [("de", "zur Kenntnis genommen", "einverstanden"), ("en", "taken note of", "agree")] {
                let browser = Browser(app)
                browser.cookies["lang"] = language
                #expect(try await browser.signIn(stock: "lysky").location == "/registrierung")
                let form = try await browser.get("/registrierung").body.string
                #expect(form.contains(takeNote), "\(language) form")
                #expect(!form.contains(consent), "\(language) form")
                let start = try await browser.get("/").body.string
                #expect(!start.contains("stimmen der Datenschutzerklärung zu") && !start.contains("accept the privacy notice"))
            }
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func builtInPrivacyNoticeNamesTheLegalBasisAndNoConsent(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            let notice = try await Browser(app).get("/datenschutz").body.string
            #expect(notice.contains("Art. 6 Abs. 1 lit. c und e DSGVO"))
            #expect(!notice.contains("Einwilligung") && !notice.contains("einverstanden"))
        }
    }
}
