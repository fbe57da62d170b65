import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting
@testable import PortalApp
@testable import PortalCore
@testable import PortalWeb
@testable import PortalMember
@testable import PortalBackOffice

@Suite("Security baseline (SECURITY.md: headers, cookies, CSRF, abuse, logs)")
struct SecurityBaselineTests {
    /// Every route of this issue, public and personal, plus error cases.
    static let publicInventory = ["/", "/datenschutz", "/impressum", "/hilfe", "/dev/eid", "/healthz", "/readyz",
                                  "/gibt-es-nicht", "/static/css/portal.css", "/static/js/portal.js", "/sitzung/status"]
    static let memberInventory = ["/konto", "/konto/profil", "/konto/dokumente", "/konto/posteingang", "/konto/bescheinigungen",
                                  "/konto/entwuerfe", "/konto/vorgaenge", "/registrierung"]

    @Test(arguments: TestDatabase.allCases)
    func everyResponseCarriesTheSecurityHeaders(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            var responses: [(String, TestingHTTPResponse)] = []
            for path in Self.publicInventory + Self.memberInventory { responses.append((path, try await browser.get(path))) }
            responses.append(("POST without token", try await browser.post("/abmelden", form: [:], csrf: false)))
            responses.append(("405", try await browser.send(.DELETE, "/konto")))
            for (path, response) in responses {
                let csp = response.headers.first(name: "Content-Security-Policy") ?? ""
                #expect(csp.contains("default-src 'self'") && csp.contains("object-src 'none'") && csp.contains("base-uri 'none'")
                        && csp.contains("frame-ancestors 'none'"), "CSP on \(path)")
                #expect(response.headers.first(name: "X-Content-Type-Options") == "nosniff", "nosniff on \(path)")
                #expect(response.headers.first(name: "Referrer-Policy") == "no-referrer", "Referrer-Policy on \(path)")
                let type = response.headers.first(name: .contentType) ?? ""
                if !type.isEmpty { #expect(type.contains("charset=utf-8"), "charset on \(path): \(type)") }
                let cache = response.headers.first(name: .cacheControl)
                if path.hasPrefix("/static/") { #expect(cache == "public, max-age=3600") } else { #expect(cache == "no-store", "no-store on \(path)") }
                #expect(response.headers.first(name: "Strict-Transport-Security") == nil, "no HSTS over plain http")
            }
        }
    }

    @Test
    func httpsDeploymentsSendHSTSAndHostPrefixedSecureCookies() async throws {
        try await withPortal(.sqlite, environment: ["PORTAL_BASE_URL": "https://portal.example"]) { app, _ in
            let browser = Browser(app)
            let page = try await browser.get("/dev/eid")
            #expect(page.headers.first(name: "Strict-Transport-Security") == "max-age=31536000; includeSubDomains")
            let signIn = try await browser.signIn(stock: "erika")
            #expect(signIn.location == "/konto")
            // The visitor's pre-session CSRF cookie, then the session's.
            for (response, name) in [(page, "__Host-portal_csrf="), (signIn, "__Host-portal_session=")] {
                let cookie = try #require(response.headers[.setCookie].first { $0.hasPrefix(name) })
                let lower = cookie.lowercased()
                #expect(lower.contains("secure"))
                #expect(lower.contains("httponly"))
                #expect(lower.contains("samesite=lax"))
                #expect(lower.contains("path=/"))
                #expect(!lower.contains("domain="))
            }
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func everySetCookieIsHttpOnlyAndSameSite(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            let browser = Browser(app)
            var cookies: [String] = []
            cookies += try await browser.get("/dev/eid").headers[.setCookie]
            cookies += try await browser.signIn(stock: "erika").headers[.setCookie]
            cookies += try await browser.get("/sprache/en?zurueck=/konto").headers[.setCookie]
            cookies += try await browser.post("/abmelden", form: [:]).headers[.setCookie]
            #expect(cookies.count >= 4)
            for cookie in cookies {
                #expect(cookie.lowercased().contains("httponly"), "\(cookie)")
                #expect(cookie.lowercased().contains("samesite=lax"), "\(cookie)")
            }
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func postWithoutOrWithAForeignCSRFTokenIsRefused(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            let member = Browser(app)
            try await member.signIn(stock: "erika")
            let attacker = Browser(app)
            let foreignToken = try await attacker.csrfToken()

            let missing = try await member.post("/abmelden", form: [:], csrf: false)
            #expect(missing.status == .forbidden)
            #expect(missing.body.string.contains("Formular ist abgelaufen"))
            let foreign = try await member.post("/abmelden", form: ["csrf_token": foreignToken])
            #expect(foreign.status == .forbidden)
            #expect(try await member.get("/konto").status == .ok, "the refused POST changed nothing")

            let anonymous = Browser(app)
            #expect(try await anonymous.post("/dev/eid", form: ["stock": "erika"], csrf: false).status == .forbidden)
            let valid = try await member.post("/abmelden", form: [:])
            #expect(valid.status == .seeOther)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func getRequestsChangeNoState(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            #expect(try await browser.get("/abmelden").status == .notFound)
            #expect(try await browser.get("/konto").status == .ok, "GET on the sign-out path did not sign out")
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aBurstOfSignInsIsLimitedWithRetryAfter(_ db: TestDatabase) async throws {
        try await withPortal(db, environment: ["PORTAL_SIGNIN_RATE_LIMIT": "5", "PORTAL_SIGNIN_RATE_PERIOD_SECONDS": "60"]) { app, clock in
            let browser = Browser(app)
            for _ in 0..<5 { #expect(try await browser.signIn(stock: "erika").status == .seeOther) }
            let limited = try await browser.signIn(stock: "erika")
            #expect(limited.status == .tooManyRequests)
            let retryAfter = try #require(limited.headers.first(name: "Retry-After").flatMap(Int.init))
            #expect((1...60).contains(retryAfter))
            #expect(limited.body.string.contains("Zu viele Versuche"))
            clock.advance(by: 61)
            #expect(try await browser.signIn(stock: "erika").status == .seeOther)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func oversizedBodiesAre413NotErrors(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            let browser = Browser(app)
            let huge = String(repeating: "a", count: 200_000)
            let response = try await browser.post("/dev/eid", form: ["family_names": huge])
            #expect(response.status == .payloadTooLarge)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func auditTrailRecordsSignInsAndRefusesChanges(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            try await browser.get("/konto/profil")
            let entries = try await AuditEntry.query(on: app.db).all()
            #expect(entries.contains { $0.action == "signin" })
            #expect(entries.contains { $0.action == "profile.view" && $0.memberID != nil })
            let sql = try #require(app.db as? any SQLDatabase)
            await #expect(throws: (any Error).self) { try await sql.raw("UPDATE audit_entries SET action = 'forged'").run() }
            await #expect(throws: (any Error).self) { try await sql.raw("DELETE FROM audit_entries").run() }
            #expect(try await AuditEntry.query(on: app.db).count() == entries.count)
        }
    }
}
