import Foundation
import NIOCore
import NIOPosix
import Testing
import VaporTesting
@testable import PortalApp
@testable import PortalCore
@testable import PortalWeb
@testable import PortalMember
@testable import PortalBackOffice

/// Every route takes 64 KB unless it declares more with `RouteBodyLimit`; a
/// body over its route's limit is a 413 page, refused before it is read.
@Suite("Body limits per route")
struct BodyLimitTests {
    static let uploadPath: [PathComponent] = ["test-upload"]

    /// An upload route as the upload issue will register them: 1 MiB.
    static func addUploadRoute(_ app: Application) {
        app.post(uploadPath, bodyLimit: .upload(megabytes: 1)) { request in
            "received \(request.body.data?.readableBytes ?? 0) bytes"
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aFormOverTheStandardLimitGetsTheTooLargePageInEitherLanguage(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            let text = String(repeating: "a", count: 70_000)
            let german = try await browser.post("/hilfe/kontakt", form: ["topic": "question", "text": text])
            #expect(german.status == .payloadTooLarge)
            #expect(german.body.string.contains("Die gesendeten Daten sind größer, als dieses Formular annimmt. Es wurde nichts gespeichert."))
            let english = try await browser.post("/hilfe/kontakt", form: ["topic": "question", "text": text], headers: ["Accept-Language": "en"])
            #expect(english.status == .payloadTooLarge)
            #expect(english.body.string.contains("The data sent is larger than this form accepts. Nothing was saved."))
            #expect(try await ContactMessage.query(on: app.db).count() == 0)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aFormJustUnderTheStandardLimitIsRead(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            let response = try await browser.post("/hilfe/kontakt", form: ["topic": "question", "text": String(repeating: "a", count: 60_000)])
            #expect(response.status != .payloadTooLarge)
            #expect(response.status.code < 500)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func anUploadRouteTakesMoreThanAFormUpToItsOwnLimit(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            Self.addUploadRoute(app)
            let browser = Browser(app)
            let token = try await browser.csrfToken()
            let file = String(repeating: "%", count: 600_000)
            let accepted = try await browser.postMultipart("/test-upload", fields: [("csrf_token", token), ("file", file)])
            #expect(accepted.status == .ok)
            #expect(accepted.body.string.hasPrefix("received 600"))
            let tooLarge = try await browser.postMultipart("/test-upload", fields: [("csrf_token", token), ("file", file + file)])
            #expect(tooLarge.status == .payloadTooLarge)
            #expect(tooLarge.body.string.contains("größer, als dieses Formular annimmt"))
            let form = try await browser.postMultipart("/dev/eid", fields: [("csrf_token", token), ("stock", file)])
            #expect(form.status == .payloadTooLarge, "a form route keeps 64 KB")
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aDeclaredLengthOverTheLimitIsRefusedBeforeTheBodyIsSent(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            Self.addUploadRoute(app)
            try await Self.onRealListener(app) { port in
                for (path, length) in [("/dev/eid", 65_537), ("/test-upload", 1_048_577), ("/dev/eid", 50_000_000)] {
                    let head = "POST \(path) HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                        + "Content-Length: \(length)\r\n\r\n"
                    // Only the first bytes of the body: the answer must not wait for the rest.
                    let response = try await RawHTTP.exchange(port: port, send: [head, "stock=erika&"])
                    #expect(response.status == 413, "\(path) with \(length) bytes declared")
                    #expect(response.body.contains("Die gesendeten Daten sind größer, als dieses Formular annimmt"))
                }
            }
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aBodyWithoutLengthIsRefusedAtItsRoutesLimitWhileStillStreaming(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            Self.addUploadRoute(app)
            let browser = Browser(app)
            let token = try await browser.csrfToken()
            try await Self.onRealListener(app) { port in
                let chunk = String(repeating: "a", count: 16_384)
                for (path, chunks) in [("/dev/eid", 5), ("/test-upload", 65)] {
                    let head = "POST \(path) HTTP/1.1\r\nHost: localhost\r\nCookie: \(browser.cookieHeader)\r\n"
                        + "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n"
                    let body = ["4000\r\ncsrf_token=\(token)&x=".padding(toLength: 16_384 + 6, withPad: "a", startingAt: 0) + "\r\n"]
                        + Array(repeating: "4000\r\n\(chunk)\r\n", count: chunks - 1)
                    // No terminating chunk: the server answers while the body is still open.
                    let response = try await RawHTTP.exchange(port: port, send: [head] + body)
                    #expect(response.status == 413, "\(path) after \(chunks) × 16 KB")
                    #expect(response.body.contains("größer, als dieses Formular annimmt"))
                }
            }
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aStreamedUploadWithinItsLimitReachesTheRoute(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            Self.addUploadRoute(app)
            let browser = Browser(app)
            let token = try await browser.csrfToken()
            try await Self.onRealListener(app) { port in
                let boundary = "portal-raw-boundary"
                let body = MultipartBody.encode([("csrf_token", token), ("file", String(repeating: "b", count: 900_000))], boundary: boundary)
                let head = "POST /test-upload HTTP/1.1\r\nHost: localhost\r\nCookie: \(browser.cookieHeader)\r\n"
                    + "Content-Type: multipart/form-data; boundary=\(boundary)\r\nContent-Length: \(body.utf8.count)\r\n\r\n"
                let response = try await RawHTTP.exchange(port: port, send: [head] + body.chunked(into: 32_768))
                #expect(response.status == 200)
                #expect(response.body == "received \(body.utf8.count) bytes")
            }
        }
    }

    static func onRealListener(_ app: Application, _ body: (Int) async throws -> Void) async throws {
        try await app.server.start(address: .hostname("127.0.0.1", port: 0))
        do {
            let port = try #require(app.http.server.shared.localAddress?.port)
            try await body(port)
        } catch {
            await app.server.shutdown()
            throw error
        }
        await app.server.shutdown()
    }
}

/// A client on a plain socket, to send a body in pieces (or not at all) and
/// see what the server answers meanwhile.
enum RawHTTP {
    struct Response {
        let status: Int
        let body: String
    }

    /// Fails instead of hanging when the server waits for a body it never gets.
    static func exchange(port: Int, send pieces: [String], deadline: Duration = .seconds(20)) async throws -> Response {
        try await withThrowingTaskGroup(of: Response.self) { group in
            group.addTask { try await exchangeWithoutDeadline(port: port, send: pieces) }
            group.addTask {
                try await Task.sleep(for: deadline)
                throw RawHTTPError.noAnswerWithin(deadline)
            }
            let first = try #require(try await group.next())
            group.cancelAll()
            return first
        }
    }

    private static func exchangeWithoutDeadline(port: Int, send pieces: [String]) async throws -> Response {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            for piece in pieces { try await outbound.write(ByteBuffer(string: piece)) }
            var received = ""
            for try await chunk in inbound {
                received += String(buffer: chunk)
                if let response = complete(received) { return response }
            }
            throw RawHTTPError.closedBeforeAnswer(received)
        }
    }

    /// The response once its head and `Content-Length` bytes of body are in.
    private static func complete(_ text: String) -> Response? {
        guard let end = text.range(of: "\r\n\r\n") else { return nil }
        let head = text[..<end.lowerBound].lowercased()
        let status = head.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        let length = head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
            .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
        let body = text[end.upperBound...]
        guard body.utf8.count >= length else { return nil }
        return Response(status: status, body: String(body))
    }

    enum RawHTTPError: Error { case closedBeforeAnswer(String), noAnswerWithin(Duration) }
}

extension String {
    func chunked(into size: Int) -> [String] {
        let bytes = Array(utf8)
        return stride(from: 0, to: bytes.count, by: size).map { String(decoding: bytes[$0..<Swift.min($0 + size, bytes.count)], as: UTF8.self) }
    }
}
