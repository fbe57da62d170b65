import Foundation

/// Which instants a schedule fires at, across daylight-saving changes.
///
/// A schedule with a fixed hour ("30 2 * * *", the backup) fires once per
/// local day, as a person reading it expects:
/// - spring (02:00-02:59 does not exist): a slot in the skipped hour fires
///   at the changeover instant (03:00 CEST) instead of being lost;
/// - autumn (02:00-02:59 happens twice): it fires in the first pass only.
/// A schedule with a wildcard hour ("*/10 * * * *") follows real time: it
/// fires in both autumn passes and has nothing to fire in the spring gap.
extension CronSchedule {
    /// Slot instants in `(after, through]`, ascending, on whole minutes.
    public func slots(after: Date, through: Date) -> [Date] {
        var result: [Date] = []
        var t = (after.timeIntervalSince1970 / 60).rounded(.down) * 60 + 60
        let end = through.timeIntervalSince1970
        while t <= end {
            let instant = Date(timeIntervalSince1970: t)
            let local = LocalMinute(instant, in: timeZone)
            if !months.contains(local.month) || !dayMatches(local) {
                // Skip the rest of the local day; the hour of margin covers a
                // DST change, so no minute of the next day is jumped over.
                t += Double(max(1, local.minutesLeftInDay - 60)) * 60
                continue
            }
            if firesAt(instant, local: local) { result.append(instant) }
            t += 60
        }
        return result
    }

    /// The first slot after `date`, looking at most `horizon` ahead (eight
    /// years, so that "29 February" is found).
    public func nextSlot(after date: Date, horizon: TimeInterval = 8 * 366 * 86_400) -> Date? {
        var from = date
        let limit = date.addingTimeInterval(horizon)
        while from < limit {
            let to = min(limit, from.addingTimeInterval(7 * 86_400))
            if let first = slots(after: from, through: to).first { return first }
            from = to
        }
        return nil
    }

    private func firesAt(_ instant: Date, local: LocalMinute) -> Bool {
        if hourRestricted && gapMatches(endingAt: instant) { return true }
        guard matches(local) else { return false }
        return !(hourRestricted && isSecondPass(instant))
    }

    /// True when `instant` is a spring changeover and a skipped local minute
    /// just before it matches: that slot fires at the changeover.
    private func gapMatches(endingAt instant: Date) -> Bool {
        let before = instant.addingTimeInterval(-60)
        let offsetBefore = timeZone.secondsFromGMT(for: before)
        let offsetNow = timeZone.secondsFromGMT(for: instant)
        guard offsetNow > offsetBefore else { return false }
        let utc = Int(instant.timeIntervalSince1970)
        let firstSkipped = utc - 60 + offsetBefore + 60
        let firstReal = utc + offsetNow
        return stride(from: firstSkipped, to: firstReal, by: 60)
            .contains { matches(LocalMinute(localEpochSeconds: $0)) }
    }

    /// True when the local time at `instant` already happened earlier
    /// (the second pass through the repeated autumn hour).
    private func isSecondPass(_ instant: Date) -> Bool {
        let offset = timeZone.secondsFromGMT(for: instant)
        let shift = timeZone.secondsFromGMT(for: instant.addingTimeInterval(-2 * 3600)) - offset
        guard shift > 0 else { return false }
        return timeZone.secondsFromGMT(for: instant.addingTimeInterval(-Double(shift))) == offset + shift
    }
}
