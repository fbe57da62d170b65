import Foundation

/// A wall-clock minute in a zone, computed with plain arithmetic from the
/// zone's UTC offset (faster than `Calendar` and identical on every OS).
struct LocalMinute: Equatable {
    let year: Int, month: Int, day: Int, hour: Int, minute: Int
    /// 0 = Sunday … 6 = Saturday.
    let weekday: Int

    init(_ date: Date, in zone: TimeZone) {
        let utc = Int((date.timeIntervalSince1970).rounded(.down))
        self.init(localEpochSeconds: utc + zone.secondsFromGMT(for: date))
    }

    /// From seconds since 1970-01-01 00:00 *local* time.
    init(localEpochSeconds local: Int) {
        let days = Int((Double(local) / 86_400).rounded(.down))
        let secondsOfDay = local - days * 86_400
        hour = secondsOfDay / 3600
        minute = (secondsOfDay % 3600) / 60
        weekday = ((days % 7) + 7 + 4) % 7 // 1970-01-01 was a Thursday
        (year, month, day) = Self.civil(fromDays: days)
        minutesLeftInDay = (86_400 - secondsOfDay) / 60
    }

    /// Local minutes until the next local midnight.
    private(set) var minutesLeftInDay = 0

    init(year: Int, month: Int, day: Int, hour: Int, minute: Int, weekday: Int) {
        (self.year, self.month, self.day, self.hour, self.minute, self.weekday) = (year, month, day, hour, minute, weekday)
        minutesLeftInDay = (24 * 60) - (hour * 60 + minute)
    }

    /// Howard Hinnant's days-to-civil algorithm (proleptic Gregorian).
    static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
