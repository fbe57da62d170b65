import Foundation

/// At most 5 registration attempts per pseudonym and per member number in
/// 24 hours (DOMAIN.md). The limit per member number stops someone with many
/// cards (or a simulator) from probing one member's data; the limit per
/// pseudonym stops one card from probing many member numbers.
///
/// Pure: the app passes the times of the attempts already made (taken from
/// its store) and `now` from its clock, and records the new attempt only
/// when it is allowed. Attempts for member numbers that do not exist count
/// too, so the answer never reveals whether a number exists.
public struct RegistrationAttemptPolicy: Sendable, Equatable {
    public enum Decision: Sendable, Equatable {
        case allowed
        /// No new attempt before this instant (for a `Retry-After` and the page text).
        case blocked(until: Date)
    }

    public let limit: Int
    public let window: TimeInterval

    /// A limit below 1 is taken as 1: a policy that refuses every attempt is a configuration mistake.
    public init(limit: Int = 5, window: TimeInterval = 24 * 60 * 60) {
        self.limit = max(1, limit)
        self.window = window
    }

    /// An attempt counts while it is younger than `window`; one made exactly
    /// `window` ago no longer counts. Attempts stamped after `now` (clock skew
    /// between instances) count as recent.
    public func decide(pseudonymAttempts: [Date], memberNumberAttempts: [Date], now: Date) -> Decision {
        let untils = [pseudonymAttempts, memberNumberAttempts].compactMap { blockedUntil($0, now: now) }
        guard let until = untils.max() else { return .allowed }
        return .blocked(until: until)
    }

    /// When enough of the recent attempts have aged out that one more fits, or nil if one fits now.
    private func blockedUntil(_ attempts: [Date], now: Date) -> Date? {
        let recent = attempts.filter { now.timeIntervalSince($0) < window }.sorted()
        guard recent.count >= limit else { return nil }
        return recent[recent.count - limit].addingTimeInterval(window)
    }
}
