import Vapor
import PortalCore

/// Requests to a listening portal over real HTTP, so that what is measured
/// includes connection handling and request parsing.
package struct HTTPTransport: BrowserTransport {
    package let client: any Client
    package let baseURL: String

    package init(client: any Client, baseURL: String) {
        self.client = client
        self.baseURL = baseURL
    }

    package func send(_ method: HTTPMethod, _ path: String, headers: HTTPHeaders, body: ByteBuffer?) async throws -> ClientResponse {
        var request = ClientRequest(method: method, url: URI(string: baseURL + path), headers: headers)
        request.body = body
        return try await client.send(request)
    }
}

extension ClientResponse: BrowserResponse {
    package var text: String { body.map { String(buffer: $0) } ?? "" }
}
