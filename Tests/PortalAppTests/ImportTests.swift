import Fluent
import Foundation
import Testing
import VaporTesting
@testable import PortalApp
@testable import PortalCore
@testable import PortalWeb
@testable import PortalMember
@testable import PortalBackOffice

@Suite("Import from the core system")
struct ImportTests {
    static let membersCSV = #"""
        member_number;family_name;given_names;birth_name;academic_degree;date_of_birth;status;street;postal_code;city;country
        20001/01;Kowalska;Anna Maria;;Dr.;1970-04-02;active;Hauptstraße 1;50667;Köln;DE
        20002/01;"Müller; genannt ""Schulze""";Jörg;Meier;;1955-12-31;pensioner;Am Markt 2;48143;Münster;DE
        2003-01;Falsch;Nummer;;;1970-01-01;active;Weg 1;11111;Ort;DE
        20004/01;Datum;Falsch;;;1970-02-30;active;Weg 1;11111;Ort;DE
        20005/01;Status;Falsch;;;1970-01-01;retired;Weg 1;11111;Ort;DE
        20006/01;"offen;Quote;;;1970-01-01;active;Weg 1;11111;Ort;DE
        20007/01;Zu;wenig
        20008/01;Yılmaz;Şükrü;;;1990-07-15;survivor;Rosenweg 9;44135;Dortmund;DE
        """#

    @Test(arguments: TestDatabase.allCases)
    func csvImportKeepsGoodLinesAndReportsEachBadOneWithItsNumber(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            let importer = CoreDataImporter(kind: .members, db: app.db, now: clock.now())
            let summary = try await importer.run(text: Self.membersCSV)
            #expect(summary.lines == 8)
            #expect(summary.imported == 3)
            #expect(summary.created == 3)
            let rejected = Dictionary(summary.rejected.map { ($0.line, $0.reason) }, uniquingKeysWith: { a, _ in a })
            #expect(rejected.keys.sorted() == [4, 5, 6, 7, 8])
            #expect(rejected[4]?.contains("99999/01") == true)
            #expect(rejected[5]?.contains("date_of_birth") == true)
            #expect(rejected[6]?.contains("status") == true)
            #expect(rejected[7]?.contains("quote") == true)
            #expect(rejected[8]?.contains("fields") == true)
            let quoted = try #require(try await Member.query(on: app.db).filter(\.$memberNumber == "20002/01").first())
            #expect(quoted.familyName == "Müller; genannt \"Schulze\"")
            #expect(quoted.birthName == "Meier")
            let turkish = try #require(try await Member.query(on: app.db).filter(\.$memberNumber == "20008/01").first())
            #expect(turkish.givenNames == "Şükrü")
            #expect(turkish.memberStatus == .survivor)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func reimportingUpdatesInPlaceWithoutDuplicates(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            let before = try await Member.query(on: app.db).count()
            let importer = CoreDataImporter(kind: .members, db: app.db, now: clock.now())
            _ = try await importer.run(text: Self.membersCSV)
            let changed = Self.membersCSV.replacingOccurrences(of: "Hauptstraße 1", with: "Neue Straße 5")
            let second = try await importer.run(text: changed)
            #expect(second.created == 0)
            #expect(second.imported == 3)
            #expect(try await Member.query(on: app.db).count() == before + 3)
            let moved = try #require(try await Member.query(on: app.db).filter(\.$memberNumber == "20001/01").first())
            #expect(moved.street == "Neue Straße 5")
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func jsonLinesContributionsAndPaymentsAreUpserted(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            let contributions = """
                {"member_number": "10001/01", "year": 2026, "month": 1, "amount_cents": 123456}
                {"member_number": "10001/01", "year": 2026, "month": 2, "amount_cents": "654321"}
                {"member_number": "99999/99", "year": 2026, "month": 1, "amount_cents": 1}
                {"member_number": "10001/01", "year": 2026, "month": 13, "amount_cents": 1}
                not json
                {"member_number": "10001/01", "year": 2026, "month": 1, "amount_cents": 100000}
                """
            let summary = try await CoreDataImporter(kind: .contributions, db: app.db, now: clock.now()).run(text: contributions)
            #expect(summary.lines == 6)
            #expect(summary.imported == 3)
            #expect(summary.rejected.map(\.line).sorted() == [3, 4, 5])
            #expect(summary.rejected.first { $0.line == 3 }?.reason.contains("no member") == true)
            let erika = try #require(try await Member.query(on: app.db).filter(\.$memberNumber == "10001/01").first())
            let january = try await ContributionRecord.query(on: app.db)
                .filter(\.$member.$id == erika.requireID()).filter(\.$year == 2026).filter(\.$month == 1).all()
            #expect(january.map(\.amountCents) == [100_000], "the later line for the same month wins, once")

            let payments = "member_number,year,month,gross_cents\n10003/01,2026,1,250000\n"
            let paid = try await CoreDataImporter(kind: .payments, db: app.db, now: clock.now()).run(text: payments)
            #expect(paid.imported == 1)
            #expect(paid.rejected.isEmpty)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func theDashboardShowsTheNewestThreeBookingsTheImportBrought(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            let before = try await browser.get("/konto").body.string
            #expect(before.contains("<td>12/2025</td>") && before.contains("<td>10/2025</td>") && !before.contains("<td>09/2025</td>"))

            let contributions = """
                {"member_number": "10001/01", "year": 2026, "month": 2, "amount_cents": 654321}
                {"member_number": "10001/01", "year": 2026, "month": 1, "amount_cents": 123456}
                """
            _ = try await CoreDataImporter(kind: .contributions, db: app.db, now: clock.now()).run(text: contributions)
            let after = try await browser.get("/konto").body.string
            let rows = after.matches(of: /<tr><td>(\d\d\/\d{4})<\/td><td class="num">([^<]+)<\/td><\/tr>/).map { "\($0.output.1) \($0.output.2)" }
            #expect(rows.count == 3)
            #expect(rows.first == "02/2026 6.543,21\u{a0}€" || rows.first == "02/2026 6.543,21 €", "newest first: \(rows)")
            #expect(rows.dropFirst().first?.hasPrefix("01/2026 1.234,56") == true)
            #expect(rows.last?.hasPrefix("12/2025") == true, "only the three newest: \(rows)")

            // A correction of a month already booked replaces its amount on the dashboard.
            let correction = "member_number,year,month,amount_cents\n10001/01,2026,2,700000\n"
            _ = try await CoreDataImporter(kind: .contributions, db: app.db, now: clock.now()).run(text: correction)
            let corrected = try await browser.get("/konto").body.string
            #expect(corrected.contains("7.000,00") && !corrected.contains("6.543,21"))

            // Pension payments keep their own summary.
            let payments = "member_number,year,month,gross_cents\n10003/01,2026,3,250000\n"
            _ = try await CoreDataImporter(kind: .payments, db: app.db, now: clock.now()).run(text: payments)
            let graf = try #require(try await Member.query(on: app.db).filter(\.$memberNumber == "10003/01").first())
            let latest = LatestBookings(stored: graf.latestPayments).bookings
            #expect(latest.count == 3)
            #expect(latest.first == .init(year: 2026, month: 3, cents: 250_000))
            #expect(graf.latestContributions == nil, "a pensioner of the demo data has no contributions booked")

            // The migration's backfill recomputes every member from the bookings themselves.
            try await app.db.requireSQL().raw("UPDATE members SET latest_contributions = NULL, latest_payments = NULL").run()
            for kind in LatestBookings.Kind.allCases {
                try await LatestBookings.refresh(kind, memberIDs: nil, on: app.db.requireSQL())
            }
            let refreshed = try #require(try await Member.query(on: app.db).filter(\.$memberNumber == "10001/01").first())
            #expect(refreshed.latestContributions == "2026-2:700000;2026-1:123456;2025-12:\(LatestBookings(stored: refreshed.latestContributions).bookings.last?.cents ?? -1)")
            #expect(try await Member.query(on: app.db).filter(\.$memberNumber == "10003/01").first()?.latestPayments?.hasPrefix("2026-3:250000;") == true)
        }
    }

    @Test
    func aMalformedSummaryEntryIsLeftOutNotAnError() {
        let parsed = LatestBookings(stored: "2026-2:700000;garbage;2026-13:5;2025-12:x;2025-11:100")
        #expect(parsed.bookings == [.init(year: 2026, month: 2, cents: 700_000), .init(year: 2025, month: 11, cents: 100)])
        #expect(LatestBookings(stored: nil).bookings.isEmpty && LatestBookings(stored: "").bookings.isEmpty)
    }

    @Test(arguments: TestDatabase.allCases)
    func largeFilesImportInBatchesWithProgress(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            var lines = ["member_number,family_name,given_names,birth_name,academic_degree,date_of_birth,status,street,postal_code,city,country"]
            for index in 0..<2_500 {
                lines.append("\(30_000 + index)/01,Name\(index),Vorname,,,1970-01-01,active,Weg \(index),12345,Stadt,DE")
            }
            let reported = ProgressRecorder()
            var importer = CoreDataImporter(kind: .members, db: app.db, now: clock.now())
            importer.progress = { reported.add($0) }
            let summary = try await importer.run(text: lines.joined(separator: "\n"))
            #expect(summary.imported == 2_500)
            #expect(summary.created == 2_500)
            #expect(reported.values == [500, 1000, 1500, 2000, 2500])
        }
    }
}

final class ProgressRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [Int] = []
    func add(_ value: Int) { lock.withLock { recorded.append(value) } }
    var values: [Int] { lock.withLock { recorded } }
}
