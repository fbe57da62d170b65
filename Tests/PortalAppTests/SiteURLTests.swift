import Foundation
import Testing
import Vapor
import VaporTesting
@testable import PortalApp
@testable import PortalCore
@testable import PortalWeb
@testable import PortalMember
@testable import PortalBackOffice

/// One `SiteURL` case gives a route's pattern and its links, so they cannot drift apart.
@Suite("Typed site URLs")
struct SiteURLTests {
    @Test func aParameterIsAPatternWhereRoutesAreRegisteredAndAValueInLinks() throws {
        let id = try #require(UUID(uuidString: "6F9619FF-8B86-D011-B42D-00C04FC964FF"))
        #expect(SiteURL.document(.key).components.map(\.description) == ["konto", "dokumente", ":documentID"])
        #expect(SiteURL.document(.value(id)).path == "/konto/dokumente/6F9619FF-8B86-D011-B42D-00C04FC964FF")
        #expect(SiteURL.documentRequest(.value(id)).path == "/konto/dokumente/6F9619FF-8B86-D011-B42D-00C04FC964FF/anfordern")
        #expect(SiteURL.inboxMessage(.key).components.map(\.description) == ["konto", "posteingang", ":messageID"])
        #expect(SiteURL.certificateRequest(.value(id)).path == "/konto/bescheinigungen/6F9619FF-8B86-D011-B42D-00C04FC964FF")
        #expect(SiteURL.start.path == "/")
    }

    @Test func queryValuesAndPathValuesArePercentEncoded() {
        #expect(SiteURL.help.path(query: ["gesendet": "1"], fragment: "kontakt") == "/hilfe?gesendet=1#kontakt")
        #expect(SiteURL.inbox.path(query: ["seite": "2", "q": "a b&c=d/ä?"]) == "/konto/posteingang?seite=2&q=a%20b%26c%3Dd%2F%C3%A4%3F")
        #expect(SiteURL.language(.value("../de?x")).path == "/sprache/..%2Fde%3Fx")
    }

    @Test func everyParameterisedRouteIsServedUnderItsPattern() async throws {
        try await withPortal(.sqlite) { app, _ in
            let served = Set(app.routes.all.map { "\($0.method.rawValue) /" + $0.path.map(\.description).joined(separator: "/") })
            for (method, url) in [("GET", SiteURL.document(.key)), ("POST", .documentRequest(.key)), ("GET", .inboxMessage(.key)),
                                  ("GET", .certificates), ("POST", .certificates), ("GET", .certificateRequest(.key)),
                                  ("GET", .language(.key)), ("GET", .applications)] {
                let pattern = "\(method) /" + url.components.map(\.description).joined(separator: "/")
                #expect(served.contains(pattern), "\(pattern) is registered")
            }
        }
    }

    @Test func theApplicationsAddressShowsTheCatalogue() async throws {
        try await withPortal(.sqlite) { app, _ in
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            let page = try await browser.get("/konto/antraege")
            #expect(page.status == .ok && page.text.contains("<h1>Anträge</h1>"))
            #expect(page.text.contains("href=\"/konto/antraege/changeOfAddress\""))
        }
    }
}
