import Fluent
import Foundation
import PortalDomain

/// Imports an export file of the core system (JSON Lines or CSV), line by
/// line: a bad line is reported with its number and reason and the good
/// lines around it are kept.
package struct CoreDataImporter {
    package enum Kind: String, CaseIterable {
        case members, contributions, payments, entitlements
    }

    package struct Summary: Equatable {
        package var lines = 0
        package var imported = 0
        package var created = 0
        package var rejected: [(line: Int, reason: String)] = []

        package static func == (lhs: Summary, rhs: Summary) -> Bool {
            lhs.lines == rhs.lines && lhs.imported == rhs.imported && lhs.created == rhs.created
                && lhs.rejected.map(\.line) == rhs.rejected.map(\.line)
        }
    }

    package let kind: Kind
    package let db: any Database
    package let now: Date
    package var batchSize = 500
    package var progress: @Sendable (Int) -> Void = { _ in }

    package func run(text: String) async throws -> Summary {
        var summary = Summary()
        var reader = LineRecordReader(text: text)
        var batch: [(line: Int, fields: ImportFields)] = []
        while let next = reader.next() {
            summary.lines += 1
            switch next {
            case .failure(let problem): summary.rejected.append((problem.line, problem.reason))
            case .success(let record): batch.append(record)
            }
            if batch.count >= batchSize {
                try await flush(&batch, into: &summary)
                progress(summary.lines)
            }
        }
        if let headerProblem = reader.headerProblem { summary.rejected.append((1, headerProblem)) }
        try await flush(&batch, into: &summary)
        // "Datenstand" on every certificate: when this kind of data was last taken over.
        if summary.imported > 0 {
            try await ImportRun(kind: kind.rawValue, finishedAt: now, imported: summary.imported).create(on: db)
        }
        return summary
    }

    private func flush(_ batch: inout [(line: Int, fields: ImportFields)], into summary: inout Summary) async throws {
        defer { batch.removeAll(keepingCapacity: true) }
        guard !batch.isEmpty else { return }
        let store = try CoreDataStore(db, now: now)
        switch kind {
        case .members:
            var records: [MemberImportRecord] = []
            for item in batch {
                do throws(ImportProblem) { records.append(try MemberImportRecord(item.fields)) }
                catch { summary.rejected.append((item.line, error.description)) }
            }
            // The last line for a member number wins, as the file's order says.
            let unique = Dictionary(records.map { ($0.memberNumber, $0) }, uniquingKeysWith: { _, last in last })
            summary.created += try await store.upsertMembers(Array(unique.values))
            summary.imported += records.count
        case .entitlements:
            var records: [(line: Int, record: EntitlementRecord)] = []
            for item in batch {
                do throws(ImportProblem) { records.append((item.line, try EntitlementRecord(item.fields))) }
                catch { summary.rejected.append((item.line, error.description)) }
            }
            // The last line for a member wins, as the file's order says.
            var unique: [String: Int] = [:]
            for (index, item) in records.enumerated() { unique[item.record.memberNumber.value] = index }
            let kept = unique.values.sorted().map { records[$0] }
            let unknown = try await store.upsertEntitlements(kept.map(\.record))
            for index in unknown {
                summary.rejected.append((kept[index].line, "member_number: no member \(kept[index].record.memberNumber.value) (import the members first)"))
            }
            summary.imported += records.count - unknown.count
        case .contributions, .payments:
            let amountField = kind == .contributions ? "amount_cents" : "gross_cents"
            var records: [(line: Int, record: MonthlyAmountRecord)] = []
            for item in batch {
                do throws(ImportProblem) { records.append((item.line, try MonthlyAmountRecord(item.fields, amountField: amountField,
                                                                                             paymentDateField: kind == .contributions ? "paid_on" : nil))) }
                catch { summary.rejected.append((item.line, error.description)) }
            }
            var unique: [String: Int] = [:]
            for (index, item) in records.enumerated() {
                unique["\(item.record.memberNumber.value)|\(item.record.year)|\(item.record.month)"] = index
            }
            let kept = unique.values.sorted().map { records[$0] }
            let unknown = try await store.upsertMonthlyAmounts(
                kept.map(\.record), table: kind == .contributions ? ContributionRecord.schema : PensionPayment.schema,
                amountColumn: amountField)
            for index in unknown {
                summary.rejected.append((kept[index].line, "member_number: no member \(kept[index].record.memberNumber.value) (import the members first)"))
            }
            summary.imported += records.count - unknown.count
        }
    }

    package init(kind: Kind, db: any Database, now: Date, progress: @escaping @Sendable (Int) -> Void = { _ in }) {
        self.kind = kind
        self.db = db
        self.now = now
        self.progress = progress
    }
}
