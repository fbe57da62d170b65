import Foundation

/// The source of "now" for every rule that depends on time.
///
/// Business rules take a clock instead of calling `Date()` so that tests can
/// put the portal just before or just after a limit without sleeping.
/// (Named `PortalClock` so it does not shadow the standard library's `Clock`.)
public protocol PortalClock: Sendable {
    func now() -> Date
}

/// The real wall clock.
public struct SystemClock: PortalClock {
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock that tests set and advance by hand.
public final class TestClock: PortalClock, @unchecked Sendable {
    // @unchecked: the only state is guarded by `lock`.
    private let lock = NSLock()
    private var current: Date

    public init(_ start: Date) { current = start }

    public func now() -> Date { lock.withLock { current } }

    public func set(_ date: Date) { lock.withLock { current = date } }

    public func advance(by seconds: TimeInterval) {
        lock.withLock { current = current.addingTimeInterval(seconds) }
    }
}

extension TimeZone {
    /// The fund's business time zone: the maintenance window, retention dates
    /// and certificate years are evaluated here, while storage stays UTC.
    public static let berlin = TimeZone(identifier: "Europe/Berlin")!
}

extension Calendar {
    /// The Gregorian calendar in the fund's time zone, built once: creating a
    /// calendar per date costs more than the page around it.
    public static let berlin: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .berlin
        return calendar
    }()
}
