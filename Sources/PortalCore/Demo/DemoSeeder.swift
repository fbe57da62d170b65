import Fluent
import Foundation
import PortalDomain

/// Seeds realistic demo members into an empty database (development only):
/// some match the simulator's stock identities, Erika Mustermann is already
/// registered so the member area can be seen at once.
package struct DemoSeeder {
    package let count: Int
    package let clock: any PortalClock

    /// Returns what was seeded, or nil when the database already had members.
    package func seedIfEmpty(_ db: any Database) async throws -> String? {
        guard try await Member.query(on: db).count() == 0 else { return nil }
        let now = clock.now()
        let store = try CoreDataStore(db, now: now)
        let members = DemoMembers.generate(count: count)
        for chunk in members.chunked(500) { try await store.upsertMembers(Array(chunk)) }
        let year = Calendar.berlin.dateComponents(in: .berlin, from: now).year ?? 2026
        var contributions: [MonthlyAmountRecord] = []
        var payments: [MonthlyAmountRecord] = []
        for (index, member) in members.prefix(1000).enumerated() {
            let leaving = DemoMembers.leavingMonth(of: member, index: index, year: year)
            for bookingYear in (year - 2)...(year - 1) {
                for month in 1...12 {
                    // A former member has no bookings after leaving.
                    if let leaving, (bookingYear, month) > leaving { continue }
                    let cents = Int64(40_000 + (index * 7_919) % 120_000)
                    let record = MonthlyAmountRecord(memberNumber: member.memberNumber, year: bookingYear, month: month, cents: cents)
                    if member.status == .pensioner || member.status == .survivor { payments.append(record) } else { contributions.append(record) }
                }
            }
        }
        for chunk in contributions.chunked(1000) {
            _ = try await store.upsertMonthlyAmounts(Array(chunk), table: ContributionRecord.schema, amountColumn: "amount_cents")
        }
        for chunk in payments.chunked(1000) {
            _ = try await store.upsertMonthlyAmounts(Array(chunk), table: PensionPayment.schema, amountColumn: "gross_cents")
        }
        let entitlements = DemoMembers.entitlements(for: Array(members.prefix(1000)), year: year)
        for chunk in entitlements.chunked(500) { _ = try await store.upsertEntitlements(Array(chunk)) }
        for (kind, count) in [(CoreDataImporter.Kind.members, members.count), (.contributions, contributions.count), (.payments, payments.count),
                              (.entitlements, entitlements.count)] {
            try await ImportRun(kind: kind.rawValue, finishedAt: now, imported: count).create(on: db)
        }
        let erikaNumber = members[0].memberNumber.value
        guard let erika = try await Member.query(on: db).filter(\.$memberNumber == erikaNumber).first() else { return nil }
        try await Account(memberID: try erika.requireID(), pseudonym: StockIdentities.erika.pseudonym, activatedAt: now).create(on: db)
        try await Inbox.post(.welcome, to: try erika.requireID(), on: db, at: now)
        return """
            Demo data seeded: \(members.count) members (\(contributions.count) contributions, \(payments.count) pension payments, \(entitlements.count) entitlement statements).
              Registered: Erika Mustermann (\(erikaNumber)), sign in at /dev/eid with the stock identity "erika".
              To try the registration: Graf v. Lýsky (matches 10003/01), Ağça Özm̂en (10002/01, goes to review), Max Beispiel (no record).
            """
    }

    package init(count: Int, clock: any PortalClock) {
        self.count = count
        self.clock = clock
    }
}
