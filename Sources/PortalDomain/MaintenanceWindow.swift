import Foundation

/// The nightly window (DOMAIN.md "Maintenance window") in which registration
/// matching and certificate generation must not start, because the fund's
/// back-end systems are being maintained and the portal's own backup runs.
///
/// The window is given in local wall-clock time (Europe/Berlin by default)
/// and evaluated per instant: an instant is inside when its local time of day
/// lies in `start ..< end`. That keeps daylight-saving days right without a
/// calendar: on the last Sunday of March 03:00 CEST follows 01:59:59 CET and
/// the window is still 03:00-05:00 local; on the last Sunday of October the
/// repeated hour is 02:00-02:59, which lies before the default window.
/// A configured window that lies entirely in the skipped spring hour does not
/// occur that day; one that lies in the repeated autumn hour occurs twice.
public struct MaintenanceWindow: Sendable, Equatable {
    /// A wall-clock time of day, minute precision.
    public struct LocalTime: Sendable, Equatable, CustomStringConvertible {
        public let hour: Int
        public let minute: Int

        public init?(hour: Int, minute: Int) {
            guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
            self.hour = hour
            self.minute = minute
        }

        /// Parses "HH:MM" as written in configuration.
        public init?(_ text: String) {
            let parts = text.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, parts.allSatisfy({ $0.count == 2 }),
                  let h = Int(parts[0]), let m = Int(parts[1]) else { return nil }
            self.init(hour: h, minute: m)
        }

        var secondsOfDay: Int { (hour * 60 + minute) * 60 }

        public var description: String {
            String(format: "%02d:%02d", hour, minute)
        }
    }

    public let start: LocalTime
    public let end: LocalTime
    public let timeZone: TimeZone

    /// The fund's default window, 03:00-05:00 Europe/Berlin.
    public static let standard = MaintenanceWindow(
        start: LocalTime(hour: 3, minute: 0)!, end: LocalTime(hour: 5, minute: 0)!, timeZone: .berlin
    )

    /// `start == end` means "no window"; `start > end` wraps past midnight
    /// (23:00-01:00).
    public init(start: LocalTime, end: LocalTime, timeZone: TimeZone = .berlin) {
        self.start = start
        self.end = end
        self.timeZone = timeZone
    }

    /// Parses "03:00-05:00" as written in configuration.
    public init?(_ text: String, timeZone: TimeZone = .berlin) {
        let parts = text.split(separator: "-")
        guard parts.count == 2,
              let start = LocalTime(parts[0].trimmingCharacters(in: .whitespaces)),
              let end = LocalTime(parts[1].trimmingCharacters(in: .whitespaces)) else { return nil }
        self.init(start: start, end: end, timeZone: timeZone)
    }

    /// Whether `date` lies inside the window.
    public func contains(_ date: Date) -> Bool {
        let time = localSecondsOfDay(date)
        let from = start.secondsOfDay, until = end.secondsOfDay
        if from == until { return false }
        if from < until { return time >= from && time < until }
        return time >= from || time < until
    }

    /// The earliest instant at or after `date` that lies outside the window:
    /// `date` itself when it is outside, otherwise the window's end.
    public func nextAllowedStart(after date: Date) -> Date {
        guard contains(date) else { return date }
        // Offsets change only on whole minutes, so the window ends on a whole
        // minute: walk minute boundaries until one is outside. Walking real
        // instants (not local times) is what makes DST days come out right,
        // including an end time that falls into the skipped spring hour.
        let seconds = date.timeIntervalSince1970
        var candidate = (seconds / 60).rounded(.down) * 60 + 60
        for _ in 0..<(2 * 24 * 60) {
            let instant = Date(timeIntervalSince1970: candidate)
            if !contains(instant) { return instant }
            candidate += 60
        }
        return date // unreachable: a window is shorter than a day
    }

    /// Seconds since local midnight, from the zone's UTC offset at `date`.
    private func localSecondsOfDay(_ date: Date) -> Int {
        let utc = Int((date.timeIntervalSince1970).rounded(.down))
        let local = utc + timeZone.secondsFromGMT(for: date)
        let day = 86_400
        return ((local % day) + day) % day
    }
}

extension MaintenanceWindow: CustomStringConvertible {
    public var description: String { "\(start)-\(end) \(timeZone.identifier)" }
}
