import Foundation
import Testing
import VaporTesting
@testable import PortalApp

/// A minimal cookie-keeping client over the in-memory tester: what a browser
/// would send and see, including the CSRF token taken from the page.
final class Browser: @unchecked Sendable {
    // @unchecked: a test drives one browser sequentially.
    let app: Application
    var cookies: [String: String] = [:]

    init(_ app: Application) { self.app = app }

    var cookieHeader: String { cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ") }

    @discardableResult
    func get(_ path: String, headers: HTTPHeaders = [:]) async throws -> TestingHTTPResponse {
        try await send(.GET, path, headers: headers)
    }

    @discardableResult
    func post(_ path: String, form: [String: String], csrf: Bool = true, headers: HTTPHeaders = [:]) async throws -> TestingHTTPResponse {
        var fields = form
        if csrf, fields["csrf_token"] == nil { fields["csrf_token"] = try await csrfToken() }
        let body = fields.map { "\(escape($0.key))=\(escape($0.value))" }.joined(separator: "&")
        var headers = headers
        headers.contentType = .urlEncodedForm
        return try await send(.POST, path, headers: headers, body: body)
    }

    func send(_ method: HTTPMethod, _ path: String, headers: HTTPHeaders = [:], body: String? = nil) async throws -> TestingHTTPResponse {
        var headers = headers
        if !cookies.isEmpty { headers.replaceOrAdd(name: .cookie, value: cookieHeader) }
        var buffer: ByteBuffer?
        if let body { buffer = ByteBuffer(string: body) }
        let response = try await app.testing().sendRequest(method, path, headers: headers, body: buffer)
        for cookie in response.headers[.setCookie] { store(cookie) }
        return response
    }

    /// The CSRF token of the signed-in or anonymous session, as a page's form carries it.
    func csrfToken() async throws -> String {
        let page = try await get("/dev/eid")
        let html = page.body.string
        guard let range = html.range(of: "name=\"csrf_token\" value=\""),
              let end = html[range.upperBound...].firstIndex(of: "\"") else { throw BrowserError.noToken }
        return String(html[range.upperBound..<end])
    }

    /// Signs in through the development eID simulator with a stock identity.
    @discardableResult
    func signIn(stock: String) async throws -> TestingHTTPResponse {
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

    private func escape(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    enum BrowserError: Error { case noResponse, noToken }
}

extension TestingHTTPResponse {
    var location: String? { headers.first(name: .location) }
}
