import Foundation

/// A calendar date without time or zone, as forms ask for it.
public struct FormDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Nil for an impossible date (31.04., 29.02. outside leap years, month 13).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...PartialDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `TT.MM.JJJJ` (one-digit day and month tolerated) or ISO `YYYY-MM-DD`.
    public static func parse(_ input: String) -> Result<FormDate, DateProblem> {
        let text = input.trimmingCharacters(in: .whitespaces)
        let german = text.split(separator: ".", omittingEmptySubsequences: false)
        let iso = text.split(separator: "-", omittingEmptySubsequences: false)
        let parts: (year: Substring, month: Substring, day: Substring)
        if german.count == 3, (1...2).contains(german[0].count), (1...2).contains(german[1].count), german[2].count == 4 {
            parts = (german[2], german[1], german[0])
        } else if iso.count == 3, iso[0].count == 4, iso[1].count == 2, iso[2].count == 2 {
            parts = (iso[0], iso[1], iso[2])
        } else {
            return .failure(.format)
        }
        guard [parts.year, parts.month, parts.day].allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              let year = Int(parts.year), let month = Int(parts.month), let day = Int(parts.day)
        else { return .failure(.format) }
        guard let date = FormDate(year: year, month: month, day: day) else { return .failure(.impossible) }
        return .success(date)
    }

    public enum DateProblem: Error, Sendable, Equatable { case format, impossible }

    public var iso: String { "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))" }
    public var german: String { "\(pad(day, 2)).\(pad(month, 2)).\(pad(year, 4))" }
    public var description: String { iso }

    public static func < (lhs: FormDate, rhs: FormDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// The same day `months` later (or earlier), clamped to the month's last day.
    public func adding(months: Int) -> FormDate {
        let index = year * 12 + (month - 1) + months
        let newYear = index / 12, newMonth = index % 12 + 1
        let newDay = min(day, PartialDate.daysIn(month: newMonth, year: newYear))
        return FormDate(year: newYear, month: newMonth, day: newDay) ?? self
    }

    public func adding(years: Int) -> FormDate { adding(months: 12 * years) }

    /// The first day of the following month.
    public var firstOfNextMonth: FormDate {
        let next = FormDate(year: year, month: month, day: 1)?.adding(months: 1)
        return next ?? self
    }

    private func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
