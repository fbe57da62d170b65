import Foundation
import PortalDomain

/// German formats first: 12.08.2026, 1.234,56 €; English: 12 August 2026, €1,234.56
/// (12/08/2026 reads as December 8th to some English readers).
package enum Format {
    package static func euros(cents: Int64, _ language: LocalizationCatalogue.Language) -> String {
        let negative = cents < 0
        let absolute = cents.magnitude
        let euros = String(absolute / 100)
        let rest = pad(Int(absolute % 100), 2)
        let separator = language == .de ? "." : ","
        var grouped = ""
        for (index, digit) in euros.reversed().enumerated() {
            if index > 0 && index % 3 == 0 { grouped.append(separator) }
            grouped.append(digit)
        }
        let number = String(grouped.reversed())
        let sign = negative ? "-" : ""
        return language == .de ? "\(sign)\(number),\(rest) €" : "\(sign)€\(number).\(rest)"
    }

    package static func date(_ date: PartialDate, _ language: LocalizationCatalogue.Language) -> String {
        guard let month = date.month else { return String(date.year) }
        guard let day = date.day else {
            return language == .de ? "\(pad(month, 2))/\(pad(date.year, 4))" : "\(englishMonths[(month - 1) % 12]) \(date.year)"
        }
        return language == .de ? "\(pad(day, 2)).\(pad(month, 2)).\(pad(date.year, 4))"
                               : "\(day) \(englishMonths[(month - 1) % 12]) \(date.year)"
    }

    package static let englishMonths = ["January", "February", "March", "April", "May", "June", "July", "August",
                                "September", "October", "November", "December"]

    package static func date(_ instant: Date, _ language: LocalizationCatalogue.Language) -> String {
        let parts = Calendar.berlin.dateComponents([.year, .month, .day], from: instant)
        return date(PartialDate(year: parts.year ?? 1970, month: parts.month, day: parts.day), language)
    }

    /// 14:05 Uhr / 2:05 pm style is avoided: both languages get the 24-hour clock, Berlin time.
    package static func time(_ instant: Date, _ language: LocalizationCatalogue.Language) -> String {
        let parts = Calendar.berlin.dateComponents([.hour, .minute], from: instant)
        return "\(pad(parts.hour ?? 0, 2)):\(pad(parts.minute ?? 0, 2))"
    }

    /// Zero-padded decimal (String(format:) is slow on Linux and runs on every page).
    package static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    package static func period(year: Int, month: Int) -> String {
        "\(pad(month, 2))/\(pad(year, 4))"
    }
}
