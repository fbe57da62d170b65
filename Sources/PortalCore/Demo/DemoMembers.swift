import Foundation
import PortalDomain

/// A deterministic set of demo members: the same count gives the same people.
package enum DemoMembers {
    package static func generate(count: Int) -> [MemberImportRecord] {
        var members = stock
        var rng = SeededGenerator(seed: 20_261_129)
        let statuses: [MemberStatus] = [.active, .active, .active, .active, .pensioner, .pensioner, .survivor, .former]
        var number = 10_010
        while members.count < count {
            let given = givenNames[Int(rng.next() % UInt64(givenNames.count))]
            let family = familyNames[Int(rng.next() % UInt64(familyNames.count))]
            let city = cities[Int(rng.next() % UInt64(cities.count))]
            let status = statuses[Int(rng.next() % UInt64(statuses.count))]
            let birthYear = status == .active || status == .former ? 1960 + Int(rng.next() % 40) : 1935 + Int(rng.next() % 26)
            let date = String(format: "%04d-%02d-%02d", birthYear, 1 + Int(rng.next() % 12), 1 + Int(rng.next() % 28))
            var member = record(
                "\(number)/01",
                family, given, nil, nil, date, status,
                "\(streets[Int(rng.next() % UInt64(streets.count))]) \(1 + rng.next() % 120)", city.0, city.1)
            // Most members are compulsory; some voluntary; some exports do not say.
            member.membership = [MembershipKind.compulsory, .compulsory, .compulsory, .voluntary, nil][number % 5]
            members.append(member)
            number += 1
        }
        return Array(members.prefix(count))
    }

    /// The members the stock identities are tested against.
    /// Erika is a compulsory member, Ağça a voluntary one, Marie-Claire's kind is not exported.
    package static let stock: [MemberImportRecord] = [
        record("10001/01", "Mustermann", "Erika", "Gabler", nil, "1964-08-12", .active, "Heidestraße 17", "51147", "Köln", .compulsory),
        record("10002/01", "Özm̂en", "Ağça", nil, nil, "1989-05-17", .active, "Kastanienweg 3", "50667", "Köln", .voluntary),
        record("10003/01", "Graf von Lýsky", "Hans-Günther", nil, "Dr. h.c.", "1946-03-01", .pensioner, "Schlossallee 1", "40213", "Düsseldorf", .compulsory),
        record("10004/01", "Schäfer", "Jürgen Friedrich", nil, "Dr.", "1958-11-30", .pensioner, "Am Rhein 8", "53111", "Bonn", .compulsory),
        record("10005/02", "Nowak", "Zofia", nil, nil, "1941-02-14", .survivor, "Lindenstraße 22", "45127", "Essen"),
        record("10006/01", "Dubois", "Marie-Claire", "Lefèvre", nil, "1975-06-09", .active, "Rue de Lyon 4", "67000", "Strasbourg"),
        record("10007/01", "Weiß", "Thomas", nil, nil, "1970-01-21", .former, "Gartenstraße 5", "44135", "Dortmund", .voluntary),
    ]

    package static func record(
        _ number: String, _ family: String, _ given: String, _ birthName: String?, _ degree: String?, _ date: String,
        _ status: MemberStatus, _ street: String, _ postal: String, _ city: String, _ membership: MembershipKind? = nil
    ) -> MemberImportRecord {
        let fields = ImportFields([
            "member_number": number, "family_name": family, "given_names": given, "birth_name": birthName ?? "",
            "academic_degree": degree ?? "", "date_of_birth": date, "status": status.rawValue,
            "street": street, "postal_code": postal, "city": city, "country": city == "Strasbourg" ? "FR" : "DE",
            "membership": membership?.rawValue ?? "",
        ])
        do { return try MemberImportRecord(fields) } catch {
            preconditionFailure("demo record \(number) is invalid: \(error)")
        }
    }

    /// The last month a former member paid for, in the year before last: the
    /// members import has no leaving date, so the demo's bookings carry it.
    /// Nil for everyone still a member.
    package static func leavingMonth(of member: MemberImportRecord, index: Int, year: Int) -> (year: Int, month: Int)? {
        guard member.status == .former else { return nil }
        return (year - 2, 1 + index % 12)
    }

    /// Entitlement figures as the core system would compute them at the end of
    /// last year, for active and former members; Marie-Claire Dubois (10006/01)
    /// has none, so the portal's "no figures yet" page can be seen.
    package static func entitlements(for members: [MemberImportRecord], year: Int) -> [EntitlementRecord] {
        members.enumerated().compactMap { index, member in
            guard member.status == .active || member.status == .former, member.memberNumber.value != "10006/01",
                  let birth = PartialDate(iso: member.dateOfBirth), let month = birth.month else { return nil }
            // Regular retirement at 67, from the first day of the following month.
            let retirement = month == 12 ? String(format: "%04d-01-01", birth.year + 68) : String(format: "%04d-%02d-01", birth.year + 67, month + 1)
            let accrued = Int64(45_000 + (index * 3_571) % 150_000)
            var fields = ["member_number": member.memberNumber.value, "as_of": "\(year - 1)-12-31",
                          "accrued_monthly_cents": String(accrued), "regular_retirement_date": retirement]
            if member.status == .active {
                fields["projected_monthly_cents"] = String(accrued * 2 + 30_000)
                fields["projection_assumption"] = "Beiträge bis zur Regelaltersgrenze in der Höhe des letzten Kalenderjahres, ohne künftige Rentenanpassungen"
                fields["disability_monthly_cents"] = String(accrued + accrued / 2)
            }
            do { return try EntitlementRecord(ImportFields(fields)) } catch {
                preconditionFailure("demo entitlement \(member.memberNumber.value) is invalid: \(error)")
            }
        }
    }

    package static let givenNames = ["Anna", "Lukas", "Sophie", "Maximilian", "Marie", "Paul", "Lena", "Felix", "Katarzyna", "Mehmet",
                             "Elif", "João", "Søren", "Åsa", "Jiří", "Ewa", "Matteo", "Chiara", "Niamh", "Ioana", "Klaus Dieter", "Ursula"]
    package static let familyNames = ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Hoffmann", "Schulz",
                              "Kowalski", "Yılmaz", "Şahin", "Dvořák", "Nielsen", "Rossi", "O'Brien", "Popescu", "von Bülow", "Groß", "Ängström"]
    package static let cities = [("50667", "Köln"), ("40213", "Düsseldorf"), ("44135", "Dortmund"), ("45127", "Essen"), ("53111", "Bonn"),
                         ("48143", "Münster"), ("52062", "Aachen"), ("47051", "Duisburg")]
    package static let streets = ["Hauptstraße", "Bahnhofstraße", "Kirchweg", "Lindenallee", "Rosenstraße", "Am Markt", "Goethestraße"]
}

/// SplitMix64: a small, fast, seedable generator so demo data is reproducible.
package struct SeededGenerator: RandomNumberGenerator {
    package var state: UInt64
    package init(seed: UInt64) { state = seed }
    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
