import Foundation
import Vapor
import PortalCore

/// What a browser reads from a response: status, headers and the body as text.
package protocol BrowserResponse: Sendable {
    var status: HTTPStatus { get }
    var headers: HTTPHeaders { get }
    var text: String { get }
}

extension BrowserResponse {
    package var location: String? { headers.first(name: .location) }
}

/// Where a browser's requests go: the application in memory (the tests'
/// transport, in PortalAppTests) or a listening portal over real HTTP
/// (`HTTPTransport`, the benchmarks', whose figures must include parsing).
package protocol BrowserTransport: Sendable {
    associatedtype Response: BrowserResponse
    func send(_ method: HTTPMethod, _ path: String, headers: HTTPHeaders, body: ByteBuffer?) async throws -> Response
}

/// A minimal cookie-keeping client: what a browser would send and see,
/// including the CSRF token taken from the page.
package final class TestBrowser<Transport: BrowserTransport>: @unchecked Sendable {
    // @unchecked: one task drives a browser at a time; concurrent clients each
    // get their own `copy()`.
    package let transport: Transport
    package var cookies: [String: String] = [:]

    package init(_ transport: Transport) { self.transport = transport }

    /// A second tab of the same browser: same cookies from now on, kept apart afterwards.
    package func copy() -> TestBrowser {
        let copy = TestBrowser(transport)
        copy.cookies = cookies
        return copy
    }

    package var cookieHeader: String { cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ") }

    @discardableResult
    package func get(_ path: String, headers: HTTPHeaders = [:]) async throws -> Transport.Response {
        try await send(.GET, path, headers: headers)
    }

    /// Posts a URL-encoded form; with `csrf`, the token from a page is added unless the form has one.
    @discardableResult
    package func post(_ path: String, form: [String: String], csrf: Bool = true, headers: HTTPHeaders = [:]) async throws -> Transport.Response {
        var fields = form
        if csrf, fields["csrf_token"] == nil { fields["csrf_token"] = try await csrfToken() }
        let body = fields.map { "\(Self.formEncoded($0.key))=\(Self.formEncoded($0.value))" }.joined(separator: "&")
        var headers = headers
        headers.contentType = .urlEncodedForm
        return try await send(.POST, path, headers: headers, body: body)
    }

    package func send(_ method: HTTPMethod, _ path: String, headers: HTTPHeaders = [:], body: String? = nil) async throws -> Transport.Response {
        var headers = headers
        if !cookies.isEmpty { headers.replaceOrAdd(name: .cookie, value: cookieHeader) }
        let response = try await transport.send(method, path, headers: headers, body: body.map { ByteBuffer(string: $0) })
        for cookie in response.headers[.setCookie] { store(cookie) }
        return response
    }

    /// The CSRF token of the signed-in or anonymous session, as a page's form carries it.
    package func csrfToken() async throws -> String {
        guard let token = Self.csrfToken(in: try await get("/dev/eid").text) else { throw TestBrowserError.noToken }
        return token
    }

    /// The first form's CSRF token in a page.
    package static func csrfToken(in html: String) -> String? {
        guard let range = html.range(of: "name=\"csrf_token\" value=\""),
              let end = html[range.upperBound...].firstIndex(of: "\"") else { return nil }
        return String(html[range.upperBound..<end])
    }

    /// Signs in through the development eID simulator with a stock identity.
    @discardableResult
    package func signIn(stock: String) async throws -> Transport.Response {
        try await post("/dev/eid", form: ["stock": stock])
    }

    private func store(_ header: String) {
        let pair = header.split(separator: ";").first.map(String.init) ?? ""
        guard let equals = pair.firstIndex(of: "=") else { return }
        let name = String(pair[..<equals]).trimmingCharacters(in: .whitespaces)
        let value = String(pair[pair.index(after: equals)...])
        let lower = header.lowercased()
        if value.isEmpty || lower.contains("max-age=0") || lower.contains("expires=thu, 01 jan 1970") {
            cookies[name] = nil
        } else {
            cookies[name] = value
        }
    }

    private static func formEncoded(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

package enum TestBrowserError: Error { case noToken }
