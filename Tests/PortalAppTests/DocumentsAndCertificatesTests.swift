import Fluent
import Foundation
import PortalDomain
import Testing
import VaporTesting
@testable import PortalApp
@testable import PortalCore
@testable import PortalWeb
@testable import PortalMember
@testable import PortalBackOffice

@Suite("Documents and certificates")
struct DocumentsAndCertificatesTests {
    /// Requests a certificate and runs the job; returns the status page's path.
    static func requestCertificate(_ browser: Browser, _ app: Application, kind: String, year: String? = nil) async throws -> String {
        var form = ["kind": kind]
        if let year { form["year"] = year }
        let sent = try await browser.post("/konto/bescheinigungen", form: form)
        #expect(sent.status == .seeOther)
        return try #require(sent.location)
    }

    @Test(arguments: TestDatabase.allCases)
    func aContributionCertificateIsGeneratedSealedFiledAndAnnounced(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            let catalogue = try await browser.get("/konto/bescheinigungen").body.string
            #expect(catalogue.contains("Beitragsbescheinigung für das Finanzamt"))
            #expect(!catalogue.contains("Rentenbezugsbescheinigung"), "offered by status")
            let status = try await Self.requestCertificate(browser, app, kind: "contributions", year: "2025")
            #expect(try await browser.get(status).body.string.contains("data-certificate-state=\"queued\""))
            let again = try await browser.post("/konto/bescheinigungen", form: ["kind": "contributions", "year": "2025"])
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
            let response = try await browser.post("/konto/bescheinigungen", form: ["kind": "contributions", "year": "2019"])
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("Für das Jahr 2019 liegen uns keine Buchungen vor"))
            let wrongKind = try await browser.post("/konto/bescheinigungen", form: ["kind": "pensionPayments", "year": "2025"])
            #expect(wrongKind.status == .unprocessableEntity)
            let garbage = try await browser.post("/konto/bescheinigungen", form: ["kind": "contributions", "year": "zwanzig"])
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
            var sweep = try await app.portal.archive.sweep(on: app.db)
            #expect(sweep.reminded == 1, "14 days before: a reminder")
            clock.advance(by: 14 * 86_400)
            sweep = try await app.portal.archive.sweep(on: app.db)
            #expect(sweep.offline == 1)
            #expect(!FileManager.default.fileExists(atPath: portalFile.path), "the bytes are gone from the portal store")
            try await browser.signIn(stock: "erika")
            #expect(try await browser.get("/konto/dokumente").body.string.contains("Dokument anfordern"))

            for round in 1...2 {
                let requested = try await browser.post("/konto/dokumente/\(try document.requireID().uuidString)/anfordern", form: [:])
                #expect(requested.status == .seeOther)
                try await browser.post("/konto/dokumente/\(try document.requireID().uuidString)/anfordern", form: [:])
                #expect(try await runDueJobs(app) == 1, "one pending request per document (round \(round))")
                #expect(try await browser.get("/konto/dokumente/\(try document.requireID().uuidString)").status == .ok)
                clock.advance(by: 91 * 86_400)
                _ = try await app.portal.archive.sweep(on: app.db)
                try await browser.signIn(stock: "erika")
            }
            #expect(try await InboxMessage.query(on: app.db).filter(\.$kind == "document.restored").count() == 2)

            // Restored, taken offline by an operator and asked for again, all within one second.
            let again = try #require(try await Document.find(document.id, on: app.db))
            if again.availability == .online { try await app.portal.archive.takeOffline(again, on: app.db) }
            try await browser.post("/konto/dokumente/\(try document.requireID().uuidString)/anfordern", form: [:])
            #expect(try await runDueJobs(app) >= 1)
            try await app.portal.archive.takeOffline(try #require(try await Document.find(document.id, on: app.db)), on: app.db)
            try await browser.post("/konto/dokumente/\(try document.requireID().uuidString)/anfordern", form: [:])
            #expect(try await runDueJobs(app) >= 1, "the second request in the same second gets a job of its own")
            #expect(try await Document.find(document.id, on: app.db)?.availability == .online)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func anInboxLinkToAnOfflineDocumentShowsItsPageWithARequestButtonAndWhatHappensNext(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            _ = try await Self.requestCertificate(browser, app, kind: "membership")
            try await runDueJobs(app)
            let document = try #require(try await Document.query(on: app.db).first())
            let message = try #require(try await InboxMessage.query(on: app.db).filter(\.$documentID == document.id).first())
            let documentPath = "\(SiteURL.documents.path)/\(try document.requireID().uuidString)"
            clock.advance(by: 91 * 86_400)
            _ = try await app.portal.archive.sweep(on: app.db)
            try await browser.signIn(stock: "erika")

            let inboxPage = try await browser.get("\(SiteURL.inbox.path)/\(try message.requireID().uuidString)").body.string
            #expect(inboxPage.contains("href=\"\(documentPath)\""))
            let offline = try await browser.get(documentPath)
            #expect(offline.status == .ok)
            let page = offline.body.string
            #expect(page.contains("offline"))
            #expect(page.contains("Dokument anfordern"))
            #expect(page.contains("action=\"\(documentPath)/anfordern\""))
            #expect(!page.contains("%PDF"))
            browser.cookies["lang"] = "en"
            let english = try await browser.get(documentPath).body.string
            #expect(english.contains("Certificate of membership"), "the portal's own title in the reader's language")
            #expect(!english.contains("Mitgliedsbescheinigung"))
            browser.cookies["lang"] = "de"

            try await browser.post(documentPath + "/anfordern", form: [:])
            let requested = try await browser.get(documentPath).body.string
            #expect(requested.contains("Sie erhalten eine Nachricht im Posteingang, sobald es online ist."))
            #expect(!requested.contains("action=\"\(documentPath)/anfordern\""))
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func requestingAnOfflineDocumentConfirmsOnTheArchiveWhatHappensNext(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            _ = try await Self.requestCertificate(browser, app, kind: "membership")
            try await runDueJobs(app)
            let document = try #require(try await Document.query(on: app.db).first())
            clock.advance(by: 91 * 86_400)
            _ = try await app.portal.archive.sweep(on: app.db)
            try await browser.signIn(stock: "erika")
            #expect(!(try await browser.get(SiteURL.documents.path).body.string.contains("sobald es online ist")))

            let requested = try await browser.post("\(SiteURL.documents.path)/\(try document.requireID().uuidString)/anfordern", form: [:])
            let location = try #require(requested.location)
            let archive = try await browser.get(location).body.string
            #expect(archive.contains("role=\"status\""))
            #expect(archive.contains("Wir stellen das Dokument wieder bereit. Sie erhalten eine Nachricht im Posteingang, sobald es online ist."))
            #expect(archive.contains("angefordert – wird bereitgestellt"))
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

    @Test(arguments: TestDatabase.allCases)
    func caseWorkerDocumentsArriveAndTheArchivePagesAndFilters(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            let pdf = Data(try app.portal.rendering.sealedPDF(SampleCertificate.spec(fund: app.portal.configuration.fund, date: clock.now()), at: clock.now()))
            var dates: [String: String] = [:]
            let filing = DocumentFiling(database: app.db, clock: clock, archive: app.portal.archive)
            for index in 0..<45 {
                let date = String(format: "%04d-%02d-%02d", 2023 + index % 3, 1 + index % 12, 1 + index % 28)
                dates["Schreiben \(index)"] = date
                _ = try await filing.file(pdf, to: "10001/01", category: index % 5 == 0 ? "decision" : "letter",
                                          title: "Schreiben \(index)", date: date, actor: .operator(name: "test"))
            }
            let older = try #require(try await Document.query(on: app.db).filter(\.$title == "Schreiben 0").first())
            #expect(DocumentsController.year(of: older.documentDate) == 2023, "an older document keeps its date")
            #expect(older.onlineUntil == clock.now().addingTimeInterval(365 * 86_400), "and is online for a full period from today")
            #expect(try await InboxMessage.query(on: app.db).filter(\.$kind == "document.provided").count() == 45)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "document.add").count() == 45)

            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            func titles(_ path: String) async throws -> (titles: [String], html: String) {
                let page = try await browser.get(path)
                #expect(page.status == .ok, "\(path)")
                let html = page.body.string
                let found = html.matches(of: /">(Schreiben \d+)<\/a>/).map { String($0.output.1) }
                return (found, html)
            }
            let first = try await titles("/konto/dokumente")
            #expect(first.titles.count == 20)
            let newestFirst = dates.sorted { $0.value > $1.value }.map(\.key)
            #expect(first.titles.first == newestFirst.first, "newest first")
            #expect(first.titles == Array(newestFirst.prefix(20)))
            #expect(first.html.contains("Seite 1 von 3"))
            let last = try await titles("/konto/dokumente?seite=3")
            #expect(last.titles == Array(newestFirst.suffix(5)))
            #expect(try await titles("/konto/dokumente?seite=99").titles == last.titles, "a page past the end shows the last one")

            let year = try await titles("/konto/dokumente?jahr=2024")
            #expect(Set(year.titles) == Set(dates.filter { $0.value.hasPrefix("2024") }.keys))
            #expect(year.html.contains("<option value=\"2024\" selected>"))
            let letters = try await titles("/konto/dokumente?kategorie=letter")
            #expect(letters.titles.count == 20)
            #expect(letters.html.contains("Seite 1 von 2"))
            #expect(letters.html.contains("seite=2&amp;kategorie=letter"), "the next page keeps the filter")
            let decisions = try await titles("/konto/dokumente?kategorie=decision&jahr=2023")
            #expect(Set(decisions.titles) == Set(dates.filter { $0.value.hasPrefix("2023") && (Int($0.key.split(separator: " ")[1])! % 5 == 0) }.keys))
            #expect(try await titles("/konto/dokumente?kategorie=unsinn&jahr=abc").titles.count == 20, "an unknown filter value shows everything")
        }
    }

    @Test
    func caseWorkerInputIsCheckedBeforeAnythingIsStored() async throws {
        try await withPortal(.sqlite) { app, _ in
            let pdf = Data("%PDF-1.7\n%test\n".utf8)
            func refusal(_ data: Data, member: String = "10001/01", category: String? = "letter", title: String? = "Schreiben",
                         date: String? = nil) async -> String {
                do {
                    _ = try await DocumentFiling(database: app.db, clock: app.portal.clock, archive: app.portal.archive)
                        .file(data, to: member, category: category, title: title, date: date, actor: .operator(name: "test"))
                    return "accepted"
                } catch {
                    return String(describing: error)
                }
            }
            #expect(await refusal(Data("MZ\u{90}\u{00}".utf8)).contains("not a PDF"))
            #expect(await refusal(pdf + Data(count: DocumentFiling.maximumBytes)).contains("limit"))
            #expect(await refusal(pdf, member: "99999/01").contains("no member 99999/01"))
            #expect(await refusal(pdf, member: "abc").contains("not a member number"))
            #expect(await refusal(pdf, category: "invoice").contains("--category"))
            #expect(await refusal(pdf, title: "  ").contains("--title"))
            #expect(await refusal(pdf, date: "2030-01-01").contains("future"))
            #expect(await refusal(pdf, date: "2024-02-30").contains("not a date"))
            let stored = try await Document.query(on: app.db).count()
            #expect(stored == 0, "nothing stored")
            #expect(await refusal(pdf) == "accepted")
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
