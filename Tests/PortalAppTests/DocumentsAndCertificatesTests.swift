import Fluent
import Foundation
import PortalDomain
import Testing
import VaporTesting
@testable import PortalApp

@Suite("Documents and certificates (issue 7)")
struct DocumentsAndCertificatesTests {
    /// Requests a certificate and runs the job; returns the status page's path.
    static func requestCertificate(_ browser: Browser, _ app: Application, kind: String, year: String? = nil) async throws -> String {
        var form = ["kind": kind]
        if let year { form["year"] = year }
        let sent = try await browser.post("/konto/antraege", form: form)
        #expect(sent.status == .seeOther)
        return try #require(sent.location)
    }

    @Test(arguments: TestDatabase.allCases)
    func aContributionCertificateIsGeneratedSealedFiledAndAnnounced(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            let catalogue = try await browser.get("/konto/antraege").body.string
            #expect(catalogue.contains("Beitragsbescheinigung für das Finanzamt"))
            #expect(!catalogue.contains("Rentenbezugsbescheinigung"), "offered by status")
            let status = try await Self.requestCertificate(browser, app, kind: "contributions", year: "2025")
            #expect(try await browser.get(status).body.string.contains("data-certificate-state=\"queued\""))
            let again = try await browser.post("/konto/antraege", form: ["kind": "contributions", "year": "2025"])
            #expect(again.location == status, "the same pending certificate is not enqueued twice")

            let browserAccept: HTTPHeaders = ["Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"]
            #expect(try await browser.get(status, headers: browserAccept).body.string.contains("<main"), "a browser gets the page, not JSON")
            #expect(try await browser.get(status, headers: ["Accept": "application/json"]).body.string == #"{"state":"queued"}"#)
            #expect(try await runDueJobs(app) == 1)
            let ready = try await browser.get(status, headers: browserAccept).body.string
            #expect(ready.contains("data-certificate-state=\"ready\""))
            let link = try #require(ready.range(of: "href=\"/konto/dokumente/").map { "/konto/dokumente/" + ready[$0.upperBound...].prefix { $0 != "\"" } })
            let pdf = try await browser.get(link)
            #expect(pdf.status == .ok)
            #expect(pdf.headers.contentType?.description.hasPrefix("application/pdf") == true)
            #expect(pdf.headers.first(name: .contentDisposition)?.hasPrefix("attachment; filename=\"Beitragsbescheinigung-2025-10001-01.pdf\"") == true)
            #expect(pdf.headers.first(name: .cacheControl) == "no-store")
            #expect(pdf.headers.first(name: "X-Content-Type-Options") == "nosniff")
            let bytes = Array(pdf.body.readableBytesView)
            #expect(bytes.starts(with: Array("%PDF-".utf8)))
            #expect(String(decoding: bytes, as: UTF8.self).contains("/ETSI.CAdES.detached"), "sealed")
            let text = try Self.extractText(bytes)
            for expected in ["Beitragsbescheinigung 2025", "Erika Mustermann", "10001/01", "Januar 2025", "Dezember 2025", "400,00 €", "4.800,00 €", "§ 10 Abs. 1 Nr. 2"] {
                #expect(text.contains(expected), "the certificate says \(expected)")
            }
            #expect(try await browser.get("/konto/posteingang").body.string.contains("Ihre Bescheinigung liegt bereit: Beitragsbescheinigung 2025"))
            let archive = try await browser.get("/konto/dokumente").body.string
            #expect(archive.contains("Beitragsbescheinigung 2025"))
            #expect(archive.contains("online bis"))
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "document.download").count() == 1)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aYearWithoutDataGetsAClearMessageInsteadOfAnEmptyCertificate(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            let response = try await browser.post("/konto/antraege", form: ["kind": "contributions", "year": "2019"])
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("Für das Jahr 2019 liegen uns keine Buchungen vor"))
            let wrongKind = try await browser.post("/konto/antraege", form: ["kind": "pensionPayments", "year": "2025"])
            #expect(wrongKind.status == .unprocessableEntity)
            let garbage = try await browser.post("/konto/antraege", form: ["kind": "contributions", "year": "zwanzig"])
            #expect(garbage.status == .unprocessableEntity)
            #expect(try await CertificateRequest.query(on: app.db).count() == 0)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func certificatesWaitOutTheMaintenanceWindow(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            clock.set(Date(timeIntervalSince1970: 1_773_195_000)) // 03:10 Berlin
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            let status = try await Self.requestCertificate(browser, app, kind: "membership")
            #expect(try await browser.get(status).body.string.contains("nach 05:00 Uhr erzeugt"))
            #expect(try await runDueJobs(app) == 0)
            clock.set(Date(timeIntervalSince1970: 1_773_201_600)) // 05:00
            try await browser.signIn(stock: "erika")
            #expect(try await runDueJobs(app) == 1)
            #expect(try await browser.get(status).body.string.contains("data-certificate-state=\"ready\""))
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func retentionTakesDocumentsOfflineAndARequestBringsThemBackRepeatedly(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            _ = try await Self.requestCertificate(browser, app, kind: "membership")
            try await runDueJobs(app)
            let document = try #require(try await Document.query(on: app.db).first())
            let portalFile = app.portal.configuration.dataDirectory.appendingPathComponent("documents/portal/\(document.blobKey).blob")
            #expect(FileManager.default.fileExists(atPath: portalFile.path))

            clock.advance(by: 77 * 86_400)
            var sweep = try await app.archive.sweep(on: app.db)
            #expect(sweep.reminded == 1, "14 days before: a reminder")
            clock.advance(by: 14 * 86_400)
            sweep = try await app.archive.sweep(on: app.db)
            #expect(sweep.offline == 1)
            #expect(!FileManager.default.fileExists(atPath: portalFile.path), "the bytes are gone from the portal store")
            try await browser.signIn(stock: "erika")
            #expect(try await browser.get("/konto/dokumente/\(try document.requireID().uuidString)").status == .notFound)
            #expect(try await browser.get("/konto/dokumente").body.string.contains("Dokument anfordern"))

            for round in 1...2 {
                let requested = try await browser.post("/konto/dokumente/\(try document.requireID().uuidString)/anfordern", form: [:])
                #expect(requested.status == .seeOther)
                try await browser.post("/konto/dokumente/\(try document.requireID().uuidString)/anfordern", form: [:])
                #expect(try await runDueJobs(app) == 1, "one pending request per document (round \(round))")
                #expect(try await browser.get("/konto/dokumente/\(try document.requireID().uuidString)").status == .ok)
                clock.advance(by: 91 * 86_400)
                _ = try await app.archive.sweep(on: app.db)
                try await browser.signIn(stock: "erika")
            }
            #expect(try await InboxMessage.query(on: app.db).filter(\.$kind == "document.restored").count() == 2)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func anotherMembersDocumentIsTheSame404AndATamperedBlobIsRefused(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            let erika = Browser(app)
            try await erika.signIn(stock: "erika")
            _ = try await Self.requestCertificate(erika, app, kind: "membership")
            try await runDueJobs(app)
            let document = try #require(try await Document.query(on: app.db).first())
            let path = "/konto/dokumente/\(try document.requireID().uuidString)"

            let lysky = Browser(app)
            try await lysky.signIn(stock: "lysky")
            try await lysky.register("10003/01")
            clock.advance(by: 10)
            try await runDueJobs(app)
            try await lysky.get("/registrierung")
            #expect(try await lysky.get(path).status == .notFound)
            #expect(try await lysky.get("/konto/dokumente/\(UUID().uuidString)").status == .notFound)
            #expect(try await lysky.post(path + "/anfordern", form: [:]).status == .notFound)

            let file = app.portal.configuration.dataDirectory.appendingPathComponent("documents/portal/\(document.blobKey).blob")
            var bytes = try Data(contentsOf: file)
            bytes[bytes.count / 2] ^= 0x01
            try bytes.write(to: file)
            let tampered = try await erika.get(path)
            #expect(tampered.status == .conflict)
            #expect(!tampered.body.string.contains("%PDF"))
        }
    }

    /// The PDF's text as poppler's pdftotext extracts it (scripts/deps/pdf-tools.sh installs it).
    static func extractText(_ bytes: [UInt8]) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("certificate-\(UUID().uuidString).pdf")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["pdftotext", "-layout", file.path, "-"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
