import Fluent
import Foundation
import PortalDomain
import SQLKit

/// Idempotent bulk upserts of the core system's records
/// (`INSERT … ON CONFLICT … DO UPDATE`, the same on SQLite and PostgreSQL).
package struct CoreDataStore {
    package let db: any Database
    package let sql: any SQLDatabase
    package let now: Date

    package init(_ db: any Database, now: Date) throws {
        guard let sql = db as? any SQLDatabase else { throw ImportProblem(field: nil, reason: "the database does not speak SQL") }
        self.db = db
        self.sql = sql
        self.now = now
    }

    package static let memberColumns = ["family_name", "given_names", "birth_name", "academic_degree", "date_of_birth",
                                "status", "street", "postal_code", "city", "country", "membership", "contribution_payment", "updated_at"]

    /// Returns how many of the records were new (the rest updated existing members).
    @discardableResult
    package func upsertMembers(_ records: [MemberImportRecord]) async throws -> Int {
        guard !records.isEmpty else { return 0 }
        let existing = try await existingMemberNumbers(records.map(\.memberNumber.value))
        var insert = sql.insert(into: Member.schema).columns(["id", "member_number"] + Self.memberColumns)
        for record in records {
            insert = insert.values([
                SQLBind(UUID()), SQLBind(record.memberNumber.value), SQLBind(record.familyName), SQLBind(record.givenNames),
                SQLBind(record.birthName), SQLBind(record.academicDegree), SQLBind(record.dateOfBirth),
                SQLBind(record.status.rawValue), SQLBind(record.street), SQLBind(record.postalCode),
                SQLBind(record.city), SQLBind(record.country), SQLBind(record.membership?.rawValue), SQLBind(record.contributionPayment), SQLBind(now),
            ] as [any SQLExpression])
        }
        try await insert.onConflict(with: ["member_number"]) { update in
            var builder = update
            for column in Self.memberColumns { builder = builder.set(excludedValueOf: column) }
            return builder
        }.run()
        return Set(records.map(\.memberNumber.value)).subtracting(existing).count
    }

    /// Upserts monthly amounts into `contributions` or `pension_payments`;
    /// returns the records whose member number is unknown, with their index.
    package func upsertMonthlyAmounts(_ records: [MonthlyAmountRecord], table: String, amountColumn: String) async throws -> [Int] {
        guard !records.isEmpty else { return [] }
        let ids = try await memberIDs(Array(Set(records.map(\.memberNumber.value))))
        var unknown: [Int] = []
        var values: [[any SQLExpression]] = []
        var touched: [UUID] = []
        // Contributions carry their payment date (NULL when the export has none, replacing an older one).
        let withPaymentDate = table == ContributionRecord.schema
        for (index, record) in records.enumerated() {
            guard let memberID = ids[record.memberNumber.value] else { unknown.append(index); continue }
            var row: [any SQLExpression] = [SQLBind(UUID()), SQLBind(memberID), SQLBind(record.year), SQLBind(record.month), SQLBind(record.cents)]
            if withPaymentDate { row.append(SQLBind(record.paidOn)) }
            values.append(row)
            touched.append(memberID)
        }
        guard !values.isEmpty else { return unknown }
        let kind: LatestBookings.Kind = table == PensionPayment.schema ? .payments : .contributions
        let (rows, members) = (values, touched)
        // The bookings and the members' dashboard summary change together or not at all.
        try await db.transaction { tx in
            let sql = try tx.requireSQL()
            var insert = sql.insert(into: table).columns(["id", "member_id", "year", "month", amountColumn] + (withPaymentDate ? ["paid_on"] : []))
            for row in rows { insert = insert.values(row) }
            try await insert.onConflict(with: ["member_id", "year", "month"]) { update in
                let amount = update.set(excludedValueOf: amountColumn)
                return withPaymentDate ? amount.set(excludedValueOf: "paid_on") : amount
            }.run()
            try await LatestBookings.refresh(kind, memberIDs: members, on: sql)
        }
        return unknown
    }

    package func memberIDs(_ numbers: [String]) async throws -> [String: UUID] {
        var result: [String: UUID] = [:]
        for chunk in numbers.chunked(500) {
            let rows = try await sql.select().columns("id", "member_number").from(Member.schema)
                .where(SQLColumn("member_number"), .in, SQLBind.group(Array(chunk))).all()
            for row in rows {
                result[try row.decode(column: "member_number", as: String.self)] = try row.decode(column: "id", as: UUID.self)
            }
        }
        return result
    }

    private func existingMemberNumbers(_ numbers: [String]) async throws -> Set<String> {
        Set(try await memberIDs(numbers).keys)
    }
}

extension Array {
    package func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
