import Fluent
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
import VaporTesting
@testable import PortalApp
@testable import PortalCore
@testable import PortalWeb
@testable import PortalMember
@testable import PortalBackOffice

@Suite("Operators' commands show what a case worker needs and no more")
struct OperatorCommandsTests {
    @Test(arguments: TestDatabase.allCases)
    func registrationsShowPutsTheCardBesideTheRecordFieldByField(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            let browser = Browser(app)
            try await browser.signIn(stock: "agca")
            try await browser.register("10002/01")
            clock.advance(by: 10)
            try await runDueJobs(app)
            let registration = try #require(try await Registration.query(on: app.db).filter(\.$state == .review).first())

            let shown = try await runCommand(app, ["registrations", "show", try registration.requireID().uuidString, "--operator", "m.schulz"])
            let listed = try await runCommand(app, ["registrations", "list", "--operator", "m.schulz"])

            for output in [shown, listed] {
                let birth = try #require(output.split(separator: "\n").first { $0.contains("date of birth") })
                #expect(birth.contains("1989") && birth.contains("1989-05-17"), "card and record side by side: \(birth)")
                let family = try #require(output.split(separator: "\n").first { $0.contains("family name") })
                #expect(family.contains("Özm̂en") || family.uppercased().contains("ÖZM̂EN"))
                #expect(output.contains("Kastanienweg 3, 50667 Köln"), "the record's address")
            }
            let reads = try await AuditEntry.query(on: app.db).filter(\.$action == "registration.show").all()
            #expect(reads.map(\.actor) == ["operator:m.schulz"])
            #expect(reads.first?.memberID != nil)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func jobsShowRedactsEmailAddressesAndOneTimeLinks(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            try await browser.post("/konto/profil/benachrichtigungen", form: ["email": "erika@example.org", "notify": "ja"])
            let jobs = try await app.portal.jobs.queue.list(state: nil, limit: 20)
            let mail = try #require(jobs.first { String(decoding: $0.payload, as: UTF8.self).contains("erika@example.org") })
            let link = try #require(try JSONDecoder().decode(PortalMails.Payload.self, from: mail.payload).link, "the confirmation job carries its one-time link")

            let output = try await runCommand(app, ["jobs", "show", "\(mail.id)", "--operator", "m.schulz"])

            #expect(!output.contains("erika@example.org"))
            #expect(!output.contains(link) && !output.contains(link.replacingOccurrences(of: "/", with: "\\/")), "no one-time link: \(output)")
            #expect(output.contains("[redacted]"))
            #expect(output.contains("confirmAddress"), "the kind stays readable")
        }
    }

    @Test
    func redactionKeepsIdsAndRemovesAddressesInFreeText() {
        let payload = Data(#"{"memberID":"6F1C","note":"write to a.b@example.org now","token":"abc"}"#.utf8)
        let text = PayloadRedaction.text(payload)
        #expect(text.contains("6F1C"))
        #expect(!text.contains("a.b@example.org") && !text.contains("abc"))
    }
}

/// A port clash names the listener that failed and its port, in one line,
/// and the binary exits non-zero without a stack trace.
@Suite("A taken port stops the start with a clear message")
struct PortClashTests {
    @Test(arguments: [("PORTAL_PORT", "member"), ("PORTAL_BACKOFFICE_PORT", "back office")])
    func aTakenPortNamesTheListenerAndThePort(_ variable: String, _ listener: String) async throws {
        let taken = try TakenPort()
        defer { taken.close() }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("port-clash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let environment = RealBinary.environment(dataDirectory: directory.appendingPathComponent("var"), [variable: "\(taken.port)"])

        let run = try await RealBinary.run(["serve", "--env", "development", "--no-worker"], environment: environment, in: directory, seconds: 30)

        #expect(run.status != 0, "\(run.output)")
        #expect(run.output.contains("Cannot start the \(listener) listener on http://127.0.0.1:\(taken.port) (port \(taken.port))"), "\(run.output)")
        #expect(!run.output.contains("Stack trace") && !run.output.contains("0x0"), "\(run.output)")
    }
}

/// A listening socket on a port the system picked, held for the test.
private struct TakenPort {
    let descriptor: Int32
    let port: Int

    init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        guard bound == 0, listen(fd, 1) == 0 else { throw TestFailure("cannot hold a port") }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        descriptor = fd
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    func close() { _ = Glibc.close(descriptor) }
}
