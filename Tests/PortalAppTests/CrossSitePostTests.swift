import Fluent
import Foundation
import Testing
import VaporTesting
@testable import PortalApp
@testable import PortalCore
@testable import PortalWeb
@testable import PortalMember
@testable import PortalBackOffice

/// The CSRF check reads the token from multipart forms as from URL-encoded
/// ones, and no route goes without it unless `CSRFExemptions` lists it.
@Suite("Cross-site posts")
struct CrossSitePostTests {
    static let contact = [("topic", "question"), ("text", "Per Multipart gesendet")]

    @Test(arguments: TestDatabase.allCases)
    func aMultipartFormWithTheSessionTokenIsAccepted(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            let token = try await browser.csrfToken()
            let response = try await browser.postMultipart("/hilfe/kontakt", fields: [("csrf_token", token)] + Self.contact)
            #expect(response.status == .seeOther)
            let stored = try await ContactMessage.query(on: app.db).all()
            #expect(stored.map(\.text) == ["Per Multipart gesendet"])
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aMultipartFormWithTheAnonymousTokenSignsIn(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            let browser = Browser(app)
            let token = try await browser.csrfToken()
            let response = try await browser.postMultipart("/dev/eid", fields: [("csrf_token", token), ("stock", "erika")])
            #expect(response.status == .seeOther)
            #expect(try await browser.get("/konto").status == .ok)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aMultipartFormWithAWrongTokenGetsTheForbiddenPageAndStoresNothing(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            let foreign = try await Browser(app).csrfToken()
            let response = try await browser.postMultipart("/hilfe/kontakt", fields: [("csrf_token", foreign)] + Self.contact)
            #expect(response.status == .forbidden)
            #expect(response.body.string.contains("Das Formular ist abgelaufen oder wurde nicht von dieser Seite gesendet"))
            #expect(try await ContactMessage.query(on: app.db).count() == 0)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aMultipartFormWithoutTheTokenFieldIsRefused(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            let response = try await browser.postMultipart("/hilfe/kontakt", fields: Self.contact)
            #expect(response.status == .forbidden)
            #expect(response.body.string.contains("Das Formular ist abgelaufen"))
            let empty = try await browser.postMultipart("/hilfe/kontakt", fields: [])
            #expect(empty.status == .forbidden)
            #expect(try await ContactMessage.query(on: app.db).count() == 0)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aTokenInAFileNamedPartOrAnotherFieldDoesNotCount(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            let token = try await browser.csrfToken()
            let response = try await browser.postMultipart("/hilfe/kontakt", fields: [("csrf_token_x", token), ("text", token), ("topic", "question")])
            #expect(response.status == .forbidden)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func malformedMultipartBodiesAreRefusedWithA4xxNeverA5xx(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            let token = try await browser.csrfToken()
            let bodies: [(type: String, body: String)] = [
                ("multipart/form-data; boundary=x", "--x--"),
                ("multipart/form-data; boundary=x", "--x\r\nbroken header\r\n\r\nvalue\r\n--x--\r\n"),
                ("multipart/form-data; boundary=", "--\r\n"),
                ("multipart/form-data", "--x--"),
                ("multipart/form-data; boundary=" + String(repeating: "b", count: 71), "--b--"),
                ("multipart/form-data; boundary=a\u{7}b", "--a\u{7}b--"),
            ]
            for withHeader in [true, false] {
                for (type, body) in bodies {
                    var headers = HTTPHeaders()
                    headers.replaceOrAdd(name: .contentType, value: type)
                    if withHeader { headers.replaceOrAdd(name: "X-CSRF-Token", value: token) }
                    let response = try await browser.send(.POST, "/hilfe/kontakt", headers: headers, body: body)
                    #expect((400..<500).contains(response.status.code), "\(type.prefix(40)) \(body.debugDescription): \(response.status.code)")
                }
            }
            #expect(try await ContactMessage.query(on: app.db).count() == 0)
        }
    }
}

extension CrossSitePostTests {
    @Test
    func noRouteIsExemptFromTheTokenCheck() {
        // The SAML assertion consumer joins with the service provider: "POST /saml/acs".
        #expect(CSRFExemptions.routes.map(\.description) == [])
    }

    @Test(arguments: TestDatabase.allCases)
    func everyUnsafeRouteRefusesAPostWithoutToken(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            let unsafe = app.routes.all.filter { [.POST, .PUT, .PATCH, .DELETE].contains($0.method) }
            #expect(unsafe.count >= 10, "the inventory found the portal's forms")
            let anonymous = Browser(app)
            _ = try await anonymous.csrfToken()
            let signedIn = Browser(app)
            try await signedIn.signIn(stock: "erika")
            for route in unsafe {
                let path = "/" + route.path.map(Self.sample).joined(separator: "/")
                for browser in [anonymous, signedIn] {
                    let form = try await browser.post(path, form: ["stock": "erika", "topic": "question", "text": "x"], csrf: false)
                    #expect(form.status == .forbidden, "\(route.method) \(path): \(form.status.code)")
                    let multipart = try await browser.postMultipart(path, fields: [("stock", "erika")])
                    #expect(multipart.status == .forbidden, "\(route.method) \(path) multipart: \(multipart.status.code)")
                }
            }
            #expect(try await signedIn.get("/konto").status == .ok, "no refused post signed the member out")
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aListedRouteIsMatchedByMethodAndPatternOnly(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            app.post("saml", "acs") { _ in "consumed" }
            app.get("saml", "acs") { _ in "metadata" }
            let listed = [CSRFExemption(.POST, ["saml", "acs"])]
            func request(_ method: HTTPMethod, _ path: String) -> Request {
                let request = Request(application: app, method: method, url: URI(path: path), on: app.eventLoopGroup.any())
                request.route = app.routes.all.first { $0.method == method && "/" + $0.path.string == path }
                return request
            }
            #expect(CSRFExemptions.covers(request(.POST, "/saml/acs"), listed: listed))
            #expect(!CSRFExemptions.covers(request(.GET, "/saml/acs"), listed: listed))
            #expect(!CSRFExemptions.covers(request(.POST, "/hilfe/kontakt"), listed: listed))
            #expect(!CSRFExemptions.covers(request(.POST, "/saml/acs/"), listed: listed), "no route: never exempt")
            #expect(!CSRFExemptions.covers(request(.POST, "/saml/acs")), "not listed today")
        }
    }

    static func sample(_ component: PathComponent) -> String {
        switch component {
        case .constant(let text): text
        case .parameter: "00000000-0000-0000-0000-000000000000"
        case .anything, .catchall: "x"
        }
    }
}

extension Browser {
    /// Posts the fields as `multipart/form-data`, as an upload form sends them.
    @discardableResult
    func postMultipart(_ path: String, fields: [(String, String)], headers: HTTPHeaders = [:]) async throws -> TestingHTTPResponse {
        let boundary = "portal-test-\(UUID().uuidString)"
        var headers = headers
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        return try await send(.POST, path, headers: headers, body: MultipartBody.encode(fields, boundary: boundary))
    }
}

enum MultipartBody {
    static func encode(_ fields: [(String, String)], boundary: String) -> String {
        fields.map { "--\(boundary)\r\nContent-Disposition: form-data; name=\"\($0.0)\"\r\n\r\n\($0.1)\r\n" }.joined()
            + "--\(boundary)--\r\n"
    }
}
