import Fluent
import Foundation
import Testing
import VaporTesting
@testable import PortalApp
@testable import PortalCore
@testable import PortalWeb
@testable import PortalMember
@testable import PortalBackOffice

@Suite("Crafted input gets a 4xx, never a 5xx")
struct CraftedInputTests {
    static let longSegment = String(repeating: "a", count: 300)
    /// Paths that made the static-file middleware answer 500 or serve a script as HTML.
    static let paths = [
        "/" + longSegment, "/static/" + longSegment, "/static/css/" + longSegment + ".css",
        "/" + String(repeating: "abcd/", count: 1_000),
        "/static/" + String(repeating: "ab/", count: 1_500) + "x.css",
        "/static/css/portal.css/..", "/static/css/portal.css/.", "/static/css/portal.css/%2e%2e",
        "/static/js/portal.js%00.html", "/static/js/portal.js%00", "/static/%2e%2e/%2e%2e/Package.swift",
        "/static/css/%ff%fe.css", "/%1b[31m", "/konto/posteingang/%00",
    ]

    @Test(arguments: TestDatabase.allCases)
    func craftedPathsAreRefusedWithA4xx(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            for path in Self.paths {
                let response = try await browser.get(path)
                #expect((400..<500).contains(response.status.code), "\(path.prefix(60)): \(response.status.code)")
            }
            #expect(try await browser.get("/static/css/portal.css").status == .ok, "the real file is still served")
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aScriptIsNeverServedAsHTML(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            let response = try await Browser(app).get("/static/js/portal.js%00.html")
            #expect(response.status == .badRequest)
            #expect(!response.body.string.contains(try String(contentsOf: packageRoot.appendingPathComponent("Resources/Public/static/js/portal.js"), encoding: .utf8).prefix(40)))
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func anEmptyMultipartBodyWithAValidTokenIsA4xx(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            let token = try await browser.csrfToken()
            for path in ["/hilfe/kontakt", "/konto/profil/benachrichtigungen", "/konto/bescheinigungen", "/dev/eid"] {
                var headers = HTTPHeaders()
                headers.replaceOrAdd(name: "X-CSRF-Token", value: token)
                headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=x")
                let response = try await browser.send(.POST, path, headers: headers, body: "--x--")
                #expect((400..<500).contains(response.status.code), "\(path): \(response.status.code)")
            }
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func controlCharactersInTheContactTextGetAMessageNamingTheField(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            for text in ["vorher\u{0}nachher", "Farbe \u{1B}[31m", "Glocke\u{07}", "DEL\u{7F}"] {
                let response = try await browser.post("/hilfe/kontakt", form: ["topic": "question", "text": text])
                #expect(response.status == .unprocessableEntity)
                #expect(response.body.string.contains("Ihre Nachricht enthält unsichtbare Steuerzeichen"))
            }
            #expect(try await ContactMessage.query(on: app.db).count() == 0)
            let fine = try await browser.post("/hilfe/kontakt", form: ["topic": "question", "text": "Zeile 1\r\nZeile 2\twith tab"])
            #expect(fine.status == .seeOther, "line breaks and tabs are ordinary text")
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func addressesWithControlCharactersAreRefusedAtTheFormAndNothingIsQueued(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            let jobsBefore = try await app.portal.jobs.queue.list(state: nil, limit: 1_000).count
            for bad in ["erika\u{0}@example.org", "erika@example.org\u{0}", "er\u{01}ika@example.org", "erika@exam\u{7F}ple.org",
                        "erika@example..org", "erika@.example.org", "erika@example.org."] {
                let response = try await browser.post("/konto/profil/benachrichtigungen", form: ["email": bad, "notify": "ja"])
                #expect(response.status == .unprocessableEntity, "\(bad.debugDescription)")
                #expect(response.body.string.contains("Geben Sie eine gültige E-Mail-Adresse ein"))
            }
            #expect(try await NotificationSetting.query(on: app.db).filter(\.$pendingEmail != nil).count() == 0, "nothing stored")
            #expect(try await app.portal.jobs.queue.list(state: nil, limit: 1_000).count == jobsBefore, "no mail job enqueued")
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func theCorpusStaysBelow500OnARealListener(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            let tester = try app.testing(method: .running(port: 0))
            for path in Self.paths {
                let response = try await tester.sendRequest(.GET, path)
                #expect(response.status.code < 500, "\(path.prefix(60)): \(response.status.code)")
            }
        }
    }
}

extension CraftedInputTests {
    /// The contact and address forms check for controls; this is the net
    /// under every other form, where PostgreSQL would refuse a NUL.
    @Test(arguments: TestDatabase.allCases)
    func aNulInAnyOtherFormFieldIsA4xx(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            let browser = Browser(app)
            let signIn = try await browser.signIn(family: "MUSTER\u{0}MANN", given: "ERIKA", born: "1964-08-12", pseudonym: "nul-\(UUID())")
            #expect(signIn.status.code < 500)
            try await browser.signIn(stock: "erika")
            let certificate = try await browser.post("/konto/bescheinigungen", form: ["kind": "contributions\u{0}", "year": "2025\u{0}"])
            #expect((400..<500).contains(certificate.status.code))
        }
    }
}
