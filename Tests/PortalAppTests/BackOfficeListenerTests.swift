import Testing
import VaporTesting
@testable import PortalApp
@testable import PortalCore
@testable import PortalWeb
@testable import PortalMember
@testable import PortalBackOffice

/// The back-office listener is its own trust boundary: what a case worker's
/// browser sees there, and what a member's cookie or a cross-site form gets.
@Suite struct BackOfficeListenerTests {
    @Test(arguments: TestDatabase.allCases)
    func theBackOfficeHasItsOwnFrameAndNoneOfTheMemberPages(_ db: TestDatabase) async throws {
        try await withBackOffice(db) { _, office in
            let start = try await office.get("/")
            #expect(start.status == .ok)
            #expect(start.text.contains("<span class=\"brand-sub\">Sachbearbeitung</span>"))
            #expect(start.text.contains("nur im internen Netz"))
            #expect(!start.text.contains("member-nav"), "no member navigation")
            #expect(start.headers.first(name: "Content-Security-Policy") != nil)
            for memberPath in ["/konto", "/registrierung", "/dev/eid", "/hilfe", "/konto/dokumente"] {
                let page = try await office.get(memberPath)
                #expect(page.status == .notFound, "\(memberPath) is not served on the back office")
                #expect(page.text.contains("Sachbearbeitung"), "the error page is drawn in the back office's frame")
            }
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aMembersSessionIsNotValidOnTheBackOffice(_ db: TestDatabase) async throws {
        try await withBackOffice(db) { member, office in
            try await member.signIn(stock: "erika")
            let token = try #require(member.cookies["portal_session"])
            // The member's cookie under its own name is ignored by the back office …
            office.cookies["portal_session"] = token
            let ignored = try await office.get("/")
            #expect(ignored.status == .ok)
            #expect(ignored.headers.setCookie?["portal_session"] == nil)
            // … and a member's token under the staff cookie's name finds no staff session and is cleared.
            office.cookies = ["portal_staff_session": token]
            let refused = try await office.get("/")
            #expect(refused.headers.setCookie?["portal_staff_session"]?.string == "", "the foreign token is cleared")
            #expect(try await member.get("/konto").status == .ok, "the member's own session is untouched")
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aPostWithoutTheBackOfficesTokenIsRefused(_ db: TestDatabase) async throws {
        try await withBackOffice(db) { _, office in
            let forged = try await office.post("/", form: ["anything": "1"], csrf: false)
            #expect(forged.status == .forbidden)
            #expect(forged.text.contains("Sachbearbeitung"))
        }
    }

    @Test
    func staffAndMemberCookiesHaveDifferentNames() {
        #expect(SessionScope.member.cookieName(usesHTTPS: true) == "__Host-portal_session")
        #expect(SessionScope.staff.cookieName(usesHTTPS: true) == "__Host-portal_staff_session")
        #expect(SessionScope.staff.cookieName(usesHTTPS: false) == "portal_staff_session")
    }

    private func withBackOffice(_ db: TestDatabase, _ body: (Browser, Browser) async throws -> Void) async throws {
        try await withPortal(db) { app, _ in
            let backOffice = try await BackOffice.makeApplication(for: app, registry: app.portal.metrics)
            do {
                try await body(Browser(app), Browser(backOffice))
            } catch {
                try await backOffice.asyncShutdown()
                throw error
            }
            try await backOffice.asyncShutdown()
        }
    }
}
