import Fluent
import Foundation
import Testing
import VaporTesting
@testable import PortalApp
@testable import PortalCore
@testable import PortalWeb
@testable import PortalMember
@testable import PortalBackOffice

/// SECURITY.md "client address": X-Forwarded-For counts only from a
/// configured proxy. A real listener, so that requests have a TCP peer.
@Suite("Client address behind the reverse proxy")
struct ClientAddressTests {
    /// Sign-in attempts through the simulator from one anonymous visitor, each
    /// with the given X-Forwarded-For: "ok" (the client follows the redirect)
    /// or "limited" (429).
    static func signIns(_ app: Application, forwardedFor: [String]) async throws -> [String] {
        let tester = try app.testing(method: .running(port: 0))
        let page = try await tester.sendRequest(.GET, "/dev/eid")
        let cookie = try #require(page.headers[.setCookie].first { $0.hasPrefix("portal_csrf=") }?.split(separator: ";").first)
        let html = page.body.string
        let start = try #require(html.range(of: "name=\"csrf_token\" value=\"")).upperBound
        let token = html[start...].prefix { $0 != "\"" }
        var codes: [String] = []
        for address in forwardedFor {
            var headers: HTTPHeaders = [:]
            headers.contentType = .urlEncodedForm
            headers.replaceOrAdd(name: .cookie, value: String(cookie))
            headers.replaceOrAdd(name: .xForwardedFor, value: address)
            let response = try await tester.sendRequest(.POST, "/dev/eid", headers: headers,
                                                        body: ByteBuffer(string: "stock=erika&csrf_token=\(token)"))
            switch response.status.code {
            case 429: codes.append(response.headers.first(name: .retryAfter) == nil ? "429 without Retry-After" : "limited")
            case ..<400: codes.append("ok")
            case let other: codes.append("\(other)")
            }
        }
        return codes
    }

    @Test
    func behindATrustedProxyTwoClientsHaveSeparateSignInLimits() async throws {
        let environment = ["PORTAL_SIGNIN_RATE_LIMIT": "2", "PORTAL_TRUSTED_PROXIES": "10.0.0.0/8, 127.0.0.1, ::1"]
        try await withPortal(.sqlite, environment: environment) { app, _ in
            // The client's own (forged) entry is left of what the proxy appended.
            let first = try await Self.signIns(app, forwardedFor: ["1.2.3.4, 203.0.113.7", "203.0.113.7", "5.6.7.8, 203.0.113.7, 10.1.2.3"])
            #expect(first == ["ok", "ok", "limited"], "the third attempt of 203.0.113.7 is one too many, whatever it puts in front")
            let second = try await Self.signIns(app, forwardedFor: ["198.51.100.9", "2001:db8::1"])
            #expect(second == ["ok", "ok"], "other clients behind the same proxy keep their own allowance")
            let clients = try await AuditEntry.query(on: app.db).filter(\.$action == "signin").all().map(\.detail)
            for client in ["203.0.113.7", "198.51.100.9", "2001:db8::1"] {
                #expect(clients.filter { $0.contains("\"client\":\"\(client)\"") }.count == (client == "203.0.113.7" ? 2 : 1),
                        "the audit trail names the client, not the proxy")
            }
        }
    }

    @Test
    func fromAnUntrustedPeerTheHeaderIsIgnored() async throws {
        let environment = ["PORTAL_SIGNIN_RATE_LIMIT": "2", "PORTAL_TRUSTED_PROXIES": "10.0.0.0/8"]
        try await withPortal(.sqlite, environment: environment) { app, _ in
            let codes = try await Self.signIns(app, forwardedFor: ["203.0.113.1", "203.0.113.2", "203.0.113.3"])
            #expect(codes == ["ok", "ok", "limited"], "a spoofed header does not buy a fresh bucket")
            let details = try await AuditEntry.query(on: app.db).filter(\.$action == "signin").all().map(\.detail)
            #expect(details.count == 2 && details.allSatisfy { !$0.contains("203.0.113") }, "nor a false address in the trail")
        }
    }

    @Test
    func aBadProxyListStopsTheStartWithItsReason() throws {
        for bad in ["10.0.0.0/33", "localhost", "10.0.0.1/", "fd00::/129", "1.2.3.4/8x"] {
            do {
                _ = try PortalConfiguration.fromEnvironment(["PORTAL_TRUSTED_PROXIES": "127.0.0.1, " + bad], mode: .testing)
                Issue.record("accepted \(bad)")
            } catch let error as ConfigurationError {
                #expect(error.problems.contains { $0.contains("PORTAL_TRUSTED_PROXIES") && $0.contains("'\(bad)'") })
            }
        }
        let good = try PortalConfiguration.fromEnvironment(["PORTAL_TRUSTED_PROXIES": "10.0.0.0/8, 192.168.1.1, fd00::/8"], mode: .testing)
        #expect(good.trustedProxies.count == 3)
    }

    @Test
    func networksMatchTheirOwnAddressesOnly() throws {
        let v4 = try #require(IPNetwork("10.0.0.0/8"))
        #expect(v4.contains(try #require(IPNetwork.parse("10.255.0.1"))))
        #expect(!v4.contains(try #require(IPNetwork.parse("11.0.0.1"))))
        #expect(v4.contains(try #require(IPNetwork.parse("::ffff:10.1.2.3"))), "IPv4 peer on a dual-stack socket")
        let v6 = try #require(IPNetwork("fd00::/8"))
        #expect(v6.contains(try #require(IPNetwork.parse("fd12:3456::1"))))
        #expect(!v6.contains(try #require(IPNetwork.parse("fe80::1"))))
        let single = try #require(IPNetwork("192.168.1.1"))
        #expect(!single.contains(try #require(IPNetwork.parse("192.168.1.2"))))
    }
}
