import Fluent
import Foundation
import Testing
import VaporTesting
@testable import PortalApp
@testable import PortalCore
@testable import PortalWeb
@testable import PortalMember
@testable import PortalBackOffice

/// SECURITY.md "abuse": certificate requests per member and confirmation
/// mails per address are limited, answered with 429 and Retry-After, and the
/// count holds under concurrent bursts.
@Suite("Abuse limits")
struct AbuseLimitTests {
    /// `count` browsers sharing one signed-in member's cookies, for concurrent posts.
    static func tabs(of browser: Browser, _ count: Int) -> [Browser] {
        (0..<count).map { _ in
            let tab = Browser(browser.app)
            tab.cookies = browser.cookies
            return tab
        }
    }

    static func burst(_ tabs: [Browser], _ path: String, forms: [[String: String]]) async throws -> [TestingHTTPResponse] {
        try await withThrowingTaskGroup(of: TestingHTTPResponse.self) { group in
            for (tab, form) in zip(tabs, forms) {
                group.addTask { try await tab.post(path, form: form) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aBurstOfIdenticalCertificateRequestsMakesOneCertificate(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            let token = try await browser.csrfToken()
            let form = ["kind": "contributions", "year": "2025", "csrf_token": token]
            let responses = try await Self.burst(Self.tabs(of: browser, 15), "/konto/bescheinigungen", forms: Array(repeating: form, count: 15))
            #expect(responses.allSatisfy { $0.status == .seeOther })
            #expect(Set(responses.compactMap(\.location)).count == 1, "every request is sent to the one pending certificate")
            #expect(try await CertificateRequest.query(on: app.db).count() == 1)
            #expect(try await runDueJobs(app) == 1, "one PDF is made")
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func certificateRequestsBeyondTheHourlyLimitAre429(_ db: TestDatabase) async throws {
        try await withPortal(db, environment: ["PORTAL_CERTIFICATE_REQUESTS_PER_HOUR": "2"]) { app, clock in
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            let token = try await browser.csrfToken()
            let kinds: [[String: String]] = [["kind": "membership"], ["kind": "entitlement"], ["kind": "contributions", "year": "2025"]]
            let forms = (0..<15).map { kinds[$0 % 3].merging(["csrf_token": token]) { a, _ in a } }
            let responses = try await Self.burst(Self.tabs(of: browser, 15), "/konto/bescheinigungen", forms: forms)
            #expect(responses.allSatisfy { $0.status == .seeOther || $0.status == .tooManyRequests })
            #expect(try await CertificateRequest.query(on: app.db).count() == 2, "two different certificates, no duplicates")
            let refused = responses.filter { $0.status == .tooManyRequests }
            #expect(refused.count == 5, "the five requests for the third certificate")
            let retryAfter = try #require(refused.first?.headers.first(name: .retryAfter).flatMap(Int.init))
            #expect((1...3600).contains(retryAfter))
            #expect(refused.first?.body.string.contains("so viele Bescheinigungen angefordert") == true)

            clock.advance(by: 3600)
            try await browser.signIn(stock: "erika")
            for kind in kinds {
                #expect(try await browser.post("/konto/bescheinigungen", form: kind).status == .seeOther, "a new hour, a new allowance")
            }
            #expect(try await CertificateRequest.query(on: app.db).count() == 3)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aThirdPartysAddressGetsAtMostThreeConfirmationMailsADay(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            let members = try await ConcurrentWriteTests.signedInMembers(app, count: 2)
            let token = try await members[0].0.csrfToken()
            let form = ["email": "dritte@example.org", "notify": "ja", "csrf_token": token]
            let burst = try await Self.burst(Self.tabs(of: members[0].0, 10), "/konto/profil/benachrichtigungen",
                                             forms: Array(repeating: form, count: 10))
            #expect(burst.filter { $0.status == .seeOther }.count == 3)
            let refused = try #require(burst.first { $0.status == .tooManyRequests })
            #expect(burst.filter { $0.status == .tooManyRequests }.count == 7)
            #expect(refused.headers.first(name: .retryAfter).flatMap(Int.init).map { (1...86_400).contains($0) } == true)
            #expect(refused.body.string.contains("schon mehrere Bestätigungslinks"))
            let other = try await members[1].0.post("/konto/profil/benachrichtigungen", form: ["email": "Dritte@Example.org", "notify": "ja"])
            #expect(other.status == .tooManyRequests, "the limit is the address's, whoever types it")
            let mails = try await app.portal.jobs.queue.list(state: nil, limit: 1_000).filter { $0.kind == PortalJobKinds.mailSend.name }
            #expect(mails.filter { String(decoding: $0.payload, as: UTF8.self).lowercased().contains("dritte@example.org") }.count == 3)

            clock.advance(by: 86_400)
            try await ConcurrentWriteTests.signIn(members[1].0, 1)
            let nextDay = try await members[1].0.post("/konto/profil/benachrichtigungen", form: ["email": "dritte@example.org"])
            #expect(nextDay.location == "/konto/profil?gespeichert=1", "a new day, a new allowance")
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aBurstOfDocumentRequestsRestoresTheDocumentOnce(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            let member = try #require(try await Member.query(on: app.db).filter(\.$memberNumber == "10001/01").first())
            let document = try await app.portal.archive.file(Array("%PDF-1.7 test".utf8), title: "Test", fileName: "test.pdf", category: .letter,
                                                      memberID: member.requireID(), source: "test", on: app.db)
            try await app.portal.archive.takeOffline(document, on: app.db)
            let token = try await browser.csrfToken()
            let path = "/konto/dokumente/\(try document.requireID().uuidString)/anfordern"
            let responses = try await Self.burst(Self.tabs(of: browser, 10), path, forms: Array(repeating: ["csrf_token": token], count: 10))
            #expect(responses.allSatisfy { $0.status == .seeOther })
            let restores = try await app.portal.jobs.queue.list(state: nil, limit: 1_000).filter { $0.kind == PortalJobKinds.documentRestore.name }
            #expect(restores.count == 1)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func documentRequestsBeyondTheHourlyLimitAre429AndLeaveTheDocumentOffline(_ db: TestDatabase) async throws {
        try await withPortal(db, environment: ["PORTAL_DOCUMENT_REQUESTS_PER_HOUR": "2"]) { app, _ in
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            let member = try #require(try await Member.query(on: app.db).filter(\.$memberNumber == "10001/01").first())
            var documents: [Document] = []
            for number in 1...3 {
                let document = try await app.portal.archive.file(Array("%PDF-1.7 \(number)".utf8), title: "Brief \(number)", fileName: "brief.pdf",
                                                          category: .letter, memberID: member.requireID(), source: "test", on: app.db)
                try await app.portal.archive.takeOffline(document, on: app.db)
                documents.append(document)
            }
            let token = try await browser.csrfToken()
            let paths = try documents.map { "/konto/dokumente/\(try $0.requireID().uuidString)/anfordern" }
            let responses = try await withThrowingTaskGroup(of: TestingHTTPResponse.self) { group in
                for (tab, path) in zip(Self.tabs(of: browser, 3), paths) {
                    group.addTask { try await tab.post(path, form: ["csrf_token": token]) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(responses.filter { $0.status == .seeOther }.count == 2)
            let refused = try #require(responses.first { $0.status == .tooManyRequests })
            #expect(refused.headers.first(name: .retryAfter).flatMap(Int.init).map { (1...3600).contains($0) } == true)
            #expect(refused.body.string.contains("Zu viele Versuche"))
            let states = try await Document.query(on: app.db).filter(\.$memberID == member.requireID()).filter(\.$source == "test").all().map(\.availability)
            #expect(states.filter { $0 == .requested }.count == 2 && states.filter { $0 == .offline }.count == 1, "the refused one stays offline")
        }
    }
}
