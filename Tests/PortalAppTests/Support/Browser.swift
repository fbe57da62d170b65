import PortalTestSupport
import VaporTesting

/// The shared cookie/CSRF browser (PortalTestSupport) over the in-memory
/// tester: what a browser would send and see, without a listening socket.
typealias Browser = TestBrowser<InMemoryTransport>

struct InMemoryTransport: BrowserTransport {
    let app: Application

    func send(_ method: HTTPMethod, _ path: String, headers: HTTPHeaders, body: ByteBuffer?) async throws -> TestingHTTPResponse {
        try await app.testing().sendRequest(method, path, headers: headers, body: body)
    }
}

extension TestBrowser where Transport == InMemoryTransport {
    convenience init(_ app: Application) { self.init(InMemoryTransport(app: app)) }

    var app: Application { transport.app }
}

extension TestingHTTPResponse: BrowserResponse {
    package var text: String { body.string }
}
