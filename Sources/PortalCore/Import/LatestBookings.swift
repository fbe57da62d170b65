import Fluent
import Foundation
import SQLKit

/// The member's three latest contributions and pension payments, kept on the
/// member's row (`members.latest_contributions`, `members.latest_payments`)
/// as `2025-12:40000;2025-11:40000;2025-10:40000`, newest first.
///
/// A read model for the dashboard: it comes with the session's one query, so
/// the page every member opens needs no second trip to the database, which
/// costs as much as a whole trivial request (docs/benchmarks.md). The portal
/// never writes bookings itself; the import (`CoreDataStore`) is their only
/// writer and refreshes the summary of every member it touched.
package struct LatestBookings: Equatable, Sendable {
    package struct Booking: Equatable, Sendable {
        package let year: Int
        package let month: Int
        package let cents: Int64
    }

    package static let limit = 3
    package let bookings: [Booking]

    /// Parses the stored text; a malformed entry is left out, never a page error.
    package init(stored: String?) {
        bookings = (stored ?? "").split(separator: ";").compactMap { entry in
            let parts = entry.split(separator: ":")
            guard parts.count == 2, let cents = Int64(parts[1]) else { return nil }
            let period = parts[0].split(separator: "-")
            guard period.count == 2, let year = Int(period[0]), let month = Int(period[1]), (1...12).contains(month) else { return nil }
            return Booking(year: year, month: month, cents: cents)
        }
    }

    package enum Kind: CaseIterable {
        case contributions, payments

        package var table: String { self == .contributions ? ContributionRecord.schema : PensionPayment.schema }
        package var amountColumn: String { self == .contributions ? "amount_cents" : "gross_cents" }
        package var memberColumn: String { self == .contributions ? "latest_contributions" : "latest_payments" }
    }

    /// Recomputes the summary of the given members (all members when nil) from
    /// their bookings. The same SQL on SQLite (3.44+) and PostgreSQL.
    package static func refresh(_ kind: Kind, memberIDs: [UUID]?, on sql: any SQLDatabase) async throws {
        let summary = SQLQueryString("""
            (SELECT string_agg(CAST(b.year AS TEXT) || '-' || CAST(b.month AS TEXT) || ':' || CAST(b.cents AS TEXT), ';' ORDER BY b.year DESC, b.month DESC)
             FROM (SELECT x.year, x.month, x.\(unsafeRaw: kind.amountColumn) AS cents FROM \(unsafeRaw: kind.table) x
                   WHERE x.member_id = \(unsafeRaw: Member.schema).id ORDER BY x.year DESC, x.month DESC LIMIT \(unsafeRaw: String(limit))) b)
            """)
        guard let memberIDs else {
            try await sql.raw("UPDATE \(unsafeRaw: Member.schema) SET \(unsafeRaw: kind.memberColumn) = \(summary)").run()
            return
        }
        for chunk in Array(Set(memberIDs)).chunked(500) {
            try await sql.update(Member.schema)
                .set(SQLIdentifier(kind.memberColumn), to: summary)
                .where(SQLIdentifier("id"), .in, SQLGroupExpression(chunk.map { SQLBind($0) as any SQLExpression }))
                .run()
        }
    }
}

package struct AddLatestBookings: AsyncMigration {
    package var name: String { "0010_AddLatestBookings" }

    package func prepare(on database: any Database) async throws {
        // One column per ALTER: SQLite adds only one at a time.
        for kind in LatestBookings.Kind.allCases {
            try await database.schema(Member.schema).field(.string(kind.memberColumn), .string).update()
        }
        let sql = try database.requireSQL()
        for kind in LatestBookings.Kind.allCases {
            try await LatestBookings.refresh(kind, memberIDs: nil, on: sql)
        }
    }

    package func revert(on database: any Database) async throws {
        for kind in LatestBookings.Kind.allCases {
            try await database.schema(Member.schema).deleteField(.string(kind.memberColumn)).update()
        }
    }
}
