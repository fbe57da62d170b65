import Foundation
import PortalDomain

/// A cron-like schedule: "minute hour day-of-month month day-of-week",
/// each field `*`, a number, a range `a-b`, a list `a,b` and steps `*/n`,
/// `a-b/n`. Day of week 0-7, 0 and 7 both Sunday. As in cron, when both day
/// fields are restricted a day matches if either matches.
///
/// Evaluated in a local zone (Europe/Berlin), see `CronSchedule+Slots`.
public struct CronSchedule: Sendable, Equatable, CustomStringConvertible {
    public let expression: String
    let minutes: Set<Int>
    let hours: Set<Int>
    let daysOfMonth: Set<Int>
    let months: Set<Int>
    let daysOfWeek: Set<Int>
    let dayOfMonthRestricted: Bool
    let dayOfWeekRestricted: Bool
    /// A fixed hour ("30 3 * * *") fires once a day even on DST days; a
    /// wildcard hour ("*/5 * * * *") follows real time (see the slots file).
    let hourRestricted: Bool
    public let timeZone: TimeZone

    public struct ParseError: Error, Equatable, CustomStringConvertible {
        public let expression: String
        public let reason: String
        public var description: String { "invalid schedule \"\(expression)\": \(reason)" }
    }

    public init(_ expression: String, timeZone: TimeZone = .berlin) throws {
        let fields = expression.split(whereSeparator: \.isWhitespace).map(String.init)
        func fail(_ reason: String) -> ParseError { ParseError(expression: expression, reason: reason) }
        guard fields.count == 5 else { throw fail("expected 5 fields, found \(fields.count)") }
        func field(_ index: Int, _ range: ClosedRange<Int>, _ name: String) throws -> Set<Int> {
            guard let values = Self.parseField(fields[index], range), !values.isEmpty else {
                throw fail("\(name) \"\(fields[index])\" is not valid for \(range.lowerBound)-\(range.upperBound)")
            }
            return values
        }
        self.expression = expression
        self.timeZone = timeZone
        minutes = try field(0, 0...59, "minute")
        hours = try field(1, 0...23, "hour")
        daysOfMonth = try field(2, 1...31, "day of month")
        months = try field(3, 1...12, "month")
        daysOfWeek = Set(try field(4, 0...7, "day of week").map { $0 % 7 })
        hourRestricted = !fields[1].hasPrefix("*")
        dayOfMonthRestricted = !fields[2].hasPrefix("*")
        dayOfWeekRestricted = !fields[4].hasPrefix("*")
    }

    public var description: String { expression }

    /// Whether a local wall-clock minute matches.
    func matches(_ time: LocalMinute) -> Bool {
        guard minutes.contains(time.minute), hours.contains(time.hour), months.contains(time.month) else {
            return false
        }
        return dayMatches(time)
    }

    func dayMatches(_ time: LocalMinute) -> Bool {
        let dom = daysOfMonth.contains(time.day), dow = daysOfWeek.contains(time.weekday)
        if dayOfMonthRestricted && dayOfWeekRestricted { return dom || dow }
        return dom && dow
    }

    /// One field: comma-separated parts, each `*`, `n`, `a-b`, optionally `/step`.
    static func parseField(_ text: String, _ range: ClosedRange<Int>) -> Set<Int>? {
        var values = Set<Int>()
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let pieces = part.split(separator: "/", omittingEmptySubsequences: false)
            guard (1...2).contains(pieces.count) else { return nil }
            var step = 1
            if pieces.count == 2 {
                guard let parsed = Int(pieces[1]), parsed > 0 else { return nil }
                step = parsed
            }
            let span: ClosedRange<Int>
            if pieces[0] == "*" {
                span = range
            } else if let dash = pieces[0].firstIndex(of: "-") {
                guard let low = Int(pieces[0][..<dash]), let high = Int(pieces[0][pieces[0].index(after: dash)...]),
                      low <= high, range.contains(low), range.contains(high) else { return nil }
                span = low...high
            } else {
                guard let single = Int(pieces[0]), range.contains(single) else { return nil }
                // "5/15" means from 5 to the end in steps of 15, as in cron.
                span = pieces.count == 2 ? single...range.upperBound : single...single
            }
            values.formUnion(stride(from: span.lowerBound, through: span.upperBound, by: step))
        }
        return values
    }
}
