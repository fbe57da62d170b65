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

/// What the sealed certificates state (issue 14, point 1): only what the
/// imported records say, the fund's name never after an article, a data date
/// on every certificate, and a proof of life that is a form to be signed.
@Suite("Certificate statements")
struct CertificateStatementsTests {
    /// Requests a certificate, runs the job and returns the PDF's text with
    /// line breaks and runs of spaces made single spaces (pdftotext wraps lines).
    static func certificateText(_ browser: Browser, _ app: Application, kind: String, year: String? = nil) async throws -> String {
        let text = try DocumentsAndCertificatesTests.extractText(try await certificatePDF(browser, app, kind: kind, year: year))
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The certificate's PDF bytes: requested, generated and downloaded as the member would.
    static func certificatePDF(_ browser: Browser, _ app: Application, kind: String, year: String? = nil) async throws -> [UInt8] {
        let status = try await DocumentsAndCertificatesTests.requestCertificate(browser, app, kind: kind, year: year)
        try await runDueJobs(app)
        let page = try await browser.get(status).body.string
        let link = try #require(page.range(of: "href=\"/konto/dokumente/").map { "/konto/dokumente/" + page[$0.upperBound...].prefix { $0 != "\"" } },
                                "the certificate is ready")
        return Array(try await browser.get(link).body.readableBytesView)
    }

    /// Re-imports Erika (10001/01) with the given membership field value ("" = not exported).
    static func importErika(membership: String, _ app: Application, at now: Date) async throws {
        let csv = """
            member_number;family_name;given_names;birth_name;academic_degree;date_of_birth;status;street;postal_code;city;country;membership
            10001/01;Mustermann;Erika;Gabler;;1964-08-12;active;Heidestraße 17;51147;Köln;DE;\(membership)
            """
        let summary = try await CoreDataImporter(kind: .members, db: app.db, now: now).run(text: csv)
        #expect(summary.rejected.isEmpty)
    }

    @Test(arguments: TestDatabase.allCases)
    func aVoluntaryMembersCertificateSaysVoluntaryAndNothingAboutStatutoryInsurance(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            try await Self.importErika(membership: "voluntary", app, at: clock.now())
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            let text = try await Self.certificateText(browser, app, kind: "membership")
            #expect(text.contains("freiwilliges Mitglied der oben genannten Versorgungseinrichtung"))
            #expect(text.contains("freiwillige Mitgliedschaft / voluntary membership"))
            #expect(text.contains("according to our records (as of 10 March 2026), the person named above is a voluntary member of the pension scheme named above"),
                    "in English too, with a date no reader can take for 3 October")
            #expect(text.contains("12.08.1964 / 12 August 1964"))
            #expect(!text.contains("Pflichtmitglied"))
            #expect(!text.contains("gesetzliche Rentenversicherung"))
            #expect(!text.contains("ersetzt"))
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aCompulsoryMemberIsCertifiedAsPflichtmitglied(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            let text = try await Self.certificateText(browser, app, kind: "membership")
            #expect(text.contains("Pflichtmitglied der oben genannten Versorgungseinrichtung"), "the demo data has Erika compulsory")
            #expect(!text.contains("freiwillig"))
            #expect(!text.contains("gesetzliche Rentenversicherung"))
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func anUnknownKindOfMembershipIsNotStated(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            try await Self.importErika(membership: "", app, at: clock.now())
            #expect(try await Member.query(on: app.db).filter(\.$memberNumber == "10001/01").first()?.membership == nil,
                    "an import without the field clears what an earlier import said")
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            let text = try await Self.certificateText(browser, app, kind: "membership")
            #expect(text.contains("Datenbestand (Datenstand: 10.03.2026) Mitglied der oben genannten Versorgungseinrichtung ist"))
            #expect(!text.contains("Pflicht"))
            #expect(!text.contains("freiwillig"))
            #expect(!text.contains("Art der Mitgliedschaft"))
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func anUnknownMembershipValueIsRejectedWithItsLine(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            let csv = """
                member_number,family_name,given_names,date_of_birth,status,street,postal_code,city,membership
                20001/01,Kowalska,Anna,1970-04-02,active,Hauptstraße 1,50667,Köln,Pflicht
                20002/01,Nowak,Jan,1971-04-02,active,Hauptstraße 2,50667,Köln,VOLUNTARY
                """
            let summary = try await CoreDataImporter(kind: .members, db: app.db, now: clock.now()).run(text: csv)
            #expect(summary.rejected.map(\.line) == [2])
            #expect(summary.rejected.first?.reason.contains("membership: must be compulsory or voluntary") == true)
            let jan = try #require(try await Member.query(on: app.db).filter(\.$memberNumber == "20002/01").first())
            #expect(jan.membershipKind == .voluntary)
        }
    }

    static let fundNames = ["Versorgungswerk der Rechtsanwälte im Lande Hessen", "Rechtsanwaltsversorgung Musterstadt"]

    @Test(arguments: TestDatabase.allCases, fundNames)
    func theFundsNameNeverFollowsAnArticle(_ db: TestDatabase, fundName: String) async throws {
        try await withPortal(db, environment: ["PORTAL_FUND_NAME": fundName]) { app, clock in
            let erika = Browser(app)
            try await erika.signIn(stock: "erika")
            var texts = [try await Self.certificateText(erika, app, kind: "membership"),
                         try await Self.certificateText(erika, app, kind: "contributions", year: "2025"),
                         try await Self.certificateText(erika, app, kind: "entitlement")]
            let lysky = try await Self.signedInPensioner(app, clock)
            texts.append(try await Self.certificateText(lysky, app, kind: "proofOfLife"))
            texts.append(try await Self.certificateText(lysky, app, kind: "pensionPayments", year: "2025"))
            texts.append(try await erika.get("/datenschutz").body.string)
            for text in texts {
                #expect(text.contains(fundName))
                for article in ["des", "das", "der", "dem", "den", "die"] {
                    #expect(!text.contains("\(article) \(fundName)"), "no \"\(article) \(fundName)\"")
                }
            }
            #expect(!texts.joined().contains("des Rechtsanwaltsversorgung"))
        }
    }

    /// Graf v. Lýsky (10003/01, pensioner) registered and matched.
    static func signedInPensioner(_ app: Application, _ clock: TestClock) async throws -> Browser {
        let lysky = Browser(app)
        try await lysky.signIn(stock: "lysky")
        try await lysky.register("10003/01")
        clock.advance(by: 10)
        try await runDueJobs(app)
        try await lysky.get("/registrierung")
        return lysky
    }

    @Test(arguments: TestDatabase.allCases)
    func theProofOfLifeIsAFormForTwoSignaturesNeverValidWithoutOne(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            let lysky = try await Self.signedInPensioner(app, clock)
            let text = try await Self.certificateText(lysky, app, kind: "proofOfLife")
            #expect(!text.contains("ohne Unterschrift gültig"))
            #expect(!text.contains("nicht zusätzlich von Hand unterschrieben"))
            #expect(text.contains("Erklärung der berechtigten Person"))
            #expect(text.contains("Ort, Datum, Unterschrift der berechtigten Person"))
            #expect(text.contains("Ort, Datum, Unterschrift, Dienstsiegel oder Stempel der amtlichen Stelle"))
            #expect(text.contains("erst mit beiden Unterschriften und der Bestätigung der amtlichen Stelle vollständig"))
            let declaration = try #require(text.range(of: "Unterschrift der berechtigten Person"))
            let official = try #require(text.range(of: "Die oben genannte Person hat am"))
            #expect(declaration.lowerBound < official.lowerBound, "the pensioner signs above the official's confirmation")
            #expect(text.contains("Seite 1 von 1"), "one sheet: the stamped page is the whole form")
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func theContributionCertificateCertifiesBookedContributionsAndItsDataDate(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            let seeded = try await Self.certificateText(browser, app, kind: "contributions", year: "2025")
            #expect(seeded.contains("für das Kalenderjahr 2025 gebuchten Beiträge"))
            #expect(seeded.contains("Summe der gebuchten Beiträge") || seeded.contains("Gebuchter Beitrag"))
            #expect(!seeded.contains("gezahlten Beiträge"))
            #expect(seeded.contains("§ 10 Abs. 1 Nr. 2"))
            #expect(seeded.contains("Datenstand letzter Abgleich am 10.03.2026"), "the demo data was imported at the test's start")

            clock.advance(by: 3 * 86_400)
            let import2 = #"{"member_number": "10001/01", "year": 2025, "month": 12, "amount_cents": 50000}"#
            _ = try await CoreDataImporter(kind: .contributions, db: app.db, now: clock.now()).run(text: import2)
            try await browser.signIn(stock: "erika")
            let later = try await Self.certificateText(browser, app, kind: "contributions", year: "2025")
            #expect(later.contains("Datenstand letzter Abgleich am 13.03.2026"), "the last contributions import")
            #expect(later.contains("500,00 €"))
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func withPaymentDatesOnEveryContributionTheCertificateStatesWhatWasPaidInTheYear(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            // Erika's 24 demo months, each paid on the 10th of the following month; December 2025 without a date first.
            var lines: [String] = []
            for year in 2024...2025 {
                for month in 1...12 {
                    let paid = month == 12 ? String(format: "%04d-01-10", year + 1) : String(format: "%04d-%02d-10", year, month + 1)
                    let date = year == 2025 && month == 12 ? "" : #", "paid_on": "\#(paid)""#
                    lines.append(#"{"member_number": "10001/01", "year": \#(year), "month": \#(month), "amount_cents": 40000\#(date)}"#)
                }
            }
            let importer = CoreDataImporter(kind: .contributions, db: app.db, now: clock.now())
            #expect(try await importer.run(text: lines.joined(separator: "\n")).rejected.isEmpty)
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            let booked = try await Self.certificateText(browser, app, kind: "contributions", year: "2025")
            #expect(booked.contains("für das Kalenderjahr 2025 gebuchten Beiträge"), "one month without a payment date: booked months")
            #expect(!booked.contains("gezahlten Beiträge"))

            lines[23] = #"{"member_number": "10001/01", "year": 2025, "month": 12, "amount_cents": 40000, "paid_on": "2026-01-10"}"#
            #expect(try await importer.run(text: lines.joined(separator: "\n")).rejected.isEmpty)
            let paid = try await Self.certificateText(browser, app, kind: "contributions", year: "2025")
            #expect(paid.contains("im Kalenderjahr 2025 an die oben genannte Versorgungseinrichtung gezahlten Beiträge"))
            #expect(paid.contains("10.01.2025 Dezember 2024 400,00 €"), "December 2024, paid in January 2025, counts for 2025")
            #expect(!paid.contains("Dezember 2025"), "paid in 2026")
            #expect(paid.contains("Summe 4.800,00 €"))
            #expect(paid.contains("§ 11 Abs. 2 EStG"))
            #expect(!paid.contains("gebuchten"))
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aPaymentDateThatIsNotADateIsRejectedWithItsLine(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            let csv = """
                member_number,year,month,amount_cents,paid_on
                10001/01,2026,1,40000,2026-01-31
                10001/01,2026,2,40000,31.01.2026
                """
            let summary = try await CoreDataImporter(kind: .contributions, db: app.db, now: clock.now()).run(text: csv)
            #expect(summary.rejected.map(\.line) == [3])
            #expect(summary.rejected.first?.reason.contains("paid_on: must be a real date") == true)
            let january = try await ContributionRecord.query(on: app.db).filter(\.$year == 2026).filter(\.$month == 1).all()
            #expect(january.map(\.paidOn) == ["2026-01-31"])
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func everyCertificateNamesItsDataDate(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            clock.advance(by: 86_400)
            try await Self.importErika(membership: "compulsory", app, at: clock.now())
            let erika = Browser(app)
            try await erika.signIn(stock: "erika")
            #expect(try await Self.certificateText(erika, app, kind: "membership").contains("Datenstand / Data as of letzter Abgleich am 11.03.2026"))
            #expect(try await Self.certificateText(erika, app, kind: "entitlement").contains("Datenstand letzter Abgleich am 10.03.2026"))
            let lysky = try await Self.signedInPensioner(app, clock)
            #expect(try await Self.certificateText(lysky, app, kind: "proofOfLife").contains("Datenstand letzter Abgleich am 11.03.2026"))
            #expect(try await Self.certificateText(lysky, app, kind: "pensionPayments", year: "2025").contains("Datenstand letzter Abgleich am 10.03.2026"))
        }
    }

    /// The changed layouts stay PDF/A: qpdf finds nothing, pikepdf sees part 3 B,
    /// the language and the structure tree (scripts/pdfcheck.py, scripts/deps/pdf-tools.sh).
    @Test
    func theChangedCertificatesPassThePDFChecks() async throws {
        try await withPortal(.sqlite) { app, clock in
            let erika = Browser(app)
            try await erika.signIn(stock: "erika")
            let lysky = try await Self.signedInPensioner(app, clock)
            let pdfs = [try await Self.certificatePDF(erika, app, kind: "membership"),
                        try await Self.certificatePDF(erika, app, kind: "contributions", year: "2025"),
                        try await Self.certificatePDF(lysky, app, kind: "proofOfLife")]
            // PORTAL_CERTIFICATE_SAMPLE_DIR keeps the files for a look (like PORTALPDF_SAMPLE_DIR).
            if let keep = ProcessInfo.processInfo.environment["PORTAL_CERTIFICATE_SAMPLE_DIR"] {
                for (name, bytes) in zip(["membership", "contributions", "proof-of-life"], pdfs) {
                    try Data(bytes).write(to: URL(fileURLWithPath: keep).appendingPathComponent("\(name).pdf"))
                }
            }
            for bytes in pdfs {
                let file = FileManager.default.temporaryDirectory.appendingPathComponent("checked-\(UUID().uuidString).pdf")
                try Data(bytes).write(to: file)
                defer { try? FileManager.default.removeItem(at: file) }
                let qpdf = try Self.run(["qpdf", "--check", file.path])
                #expect(qpdf.status == 0, "\(qpdf.output)")
                #expect(!qpdf.output.contains("WARNING"))
                let inspect = try Self.run(["python3", packageRoot.appendingPathComponent("scripts/pdfcheck.py").path, "inspect", file.path])
                let facts = try #require(try JSONSerialization.jsonObject(with: Data(inspect.output.utf8)) as? [String: Any], "\(inspect.output)")
                #expect("\(facts["pdfaid_part"] ?? "")" == "3")
                #expect("\(facts["pdfaid_conformance"] ?? "")" == "B")
                #expect((facts["lang"] as? String)?.hasPrefix("de") == true)
                #expect(facts["marked"] as? Bool == true)
                #expect((facts["structure"] as? [Any])?.isEmpty == false)
            }
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func thePensionStatementPrintsTheImportedFiguresNotASumOfContributions(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            clock.advance(by: 2 * 86_400)
            let figures = #"{"member_number": "10001/01", "as_of": "2025-12-31", "accrued_monthly_cents": 123456, "projected_monthly_cents": "287654", "projection_assumption": "Beiträge wie im letzten Kalenderjahr", "disability_monthly_cents": 180000, "regular_retirement_date": "2031-09-01"}"#
            let summary = try await CoreDataImporter(kind: .entitlements, db: app.db, now: clock.now()).run(text: figures)
            #expect(summary.imported == 1)
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            let dashboard = try await browser.get("/konto").body.string
            for expected in ["Ihre Rentenanwartschaft", "<dd>31.12.2025</dd>", "Bisher erreichte monatliche Altersrente</dt><dd>1.234,56 €</dd>",
                             "Voraussichtliche monatliche Altersrente (Hochrechnung)</dt><dd>2.876,54 €</dd>"] {
                #expect(dashboard.contains(expected), "the dashboard shows \(expected)")
            }
            let english = try await browser.get("/konto", headers: ["Accept-Language": "en"]).body.string
            #expect(english.contains("Monthly old-age pension reached so far</dt><dd>€1,234.56</dd>"))
            let text = try await Self.certificateText(browser, app, kind: "entitlement")
            for expected in ["Renteninformation", "Berechnet zum 31.12.2025", "Bisher erreichte monatliche Altersrente 1.234,56 €",
                             "Voraussichtliche monatliche Altersrente ab 01.09.2031", "2.876,54 €", "Rente bei Berufsunfähigkeit", "1.800,00 €",
                             "Annahme der Hochrechnung: Beiträge wie im letzten Kalenderjahr", "kein Bescheid",
                             "Datenstand letzter Abgleich am 12.03.2026"] {
                #expect(text.contains(expected), "says \(expected)")
            }
            #expect(!text.contains("Summe der"))
            #expect(!text.contains("Beitragsmonate"))
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func withoutImportedFiguresNoPensionStatementIsOfferedAndThePageSaysWhy(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            let erika = try #require(try await Member.query(on: app.db).filter(\.$memberNumber == "10001/01").first())
            try await Entitlement.query(on: app.db).filter(\.$memberID == erika.requireID()).delete()
            try await EntitlementSummary.refresh(memberIDs: [erika.requireID()], on: try app.db.requireSQL())
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            let dashboard = try await browser.get("/konto").body.string
            #expect(dashboard.contains("noch keine berechneten Rentenanwartschaften vor"))
            #expect(!dashboard.contains("Bisher erreichte monatliche Altersrente"))
            let catalogue = try await browser.get("/konto/bescheinigungen").body.string
            #expect(catalogue.contains("noch keine berechneten Rentenanwartschaften vor"))
            #expect(!catalogue.contains("name=\"kind\" value=\"entitlement\""), "no request form")
            #expect(catalogue.contains("name=\"kind\" value=\"membership\""))
            let refused = try await browser.post("/konto/bescheinigungen", form: ["kind": "entitlement"])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("noch keine berechneten Rentenanwartschaften vor"))
            #expect(try await CertificateRequest.query(on: app.db).count() == 0)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func theEntitlementImportReportsBadLinesAndReplacesAMembersFigures(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            let csv = """
                member_number;as_of;accrued_monthly_cents;projected_monthly_cents;projection_assumption;disability_monthly_cents;regular_retirement_date
                10001/01;2026-01-31;100000;;;;2031-09-01
                10001/01;2026-02-30;100000;;;;
                10002/01;2026-01-31;100000;250000;;;
                99999/01;2026-01-31;100000;;;;
                10002/01;2026-01-31;-5;;;;
                """
            let summary = try await CoreDataImporter(kind: .entitlements, db: app.db, now: clock.now()).run(text: csv)
            #expect(summary.imported == 1)
            let reasons = Dictionary(summary.rejected.map { ($0.line, $0.reason) }, uniquingKeysWith: { a, _ in a })
            #expect(reasons.keys.sorted() == [3, 4, 5, 6])
            #expect(reasons[3]?.contains("as_of") == true)
            #expect(reasons[4]?.contains("projection_assumption") == true)
            #expect(reasons[5]?.contains("no member 99999/01") == true)
            #expect(reasons[6]?.contains("accrued_monthly_cents") == true)
            let erika = try #require(try await Member.query(on: app.db).filter(\.$memberNumber == "10001/01").first())
            let figures = try #require(try await Entitlement.current(for: erika.requireID(), on: app.db))
            #expect(figures.accruedMonthlyCents == 100_000)
            #expect(figures.projectedMonthlyCents == nil, "the new figures replace the demo's, projection included")
            #expect(try await Entitlement.query(on: app.db).filter(\.$memberID == erika.requireID()).count() == 1)
        }
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
