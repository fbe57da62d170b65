import Foundation
import PortalJobs
import Testing

@Suite("Cron schedules in Europe/Berlin")
struct CronScheduleTests {
    @Test("fields with lists, ranges and steps", arguments: [
        // (expression, window start, window end, expected slots in UTC)
        ("*/20 * * * *", "2026-11-30T09:59:00Z", "2026-11-30T11:00:00Z",
         ["2026-11-30T10:00:00Z", "2026-11-30T10:20:00Z", "2026-11-30T10:40:00Z", "2026-11-30T11:00:00Z"]),
        ("15,45 9-10 * * *", "2026-11-30T00:00:00Z", "2026-11-30T23:00:00Z",
         ["2026-11-30T08:15:00Z", "2026-11-30T08:45:00Z", "2026-11-30T09:15:00Z", "2026-11-30T09:45:00Z"]),
        ("0 8-18/5 * * *", "2026-11-30T00:00:00Z", "2026-11-30T23:00:00Z",
         ["2026-11-30T07:00:00Z", "2026-11-30T12:00:00Z", "2026-11-30T17:00:00Z"]),
        // 30 Nov 2026 is a Monday; "1-5" = Monday to Friday, 0 = Sunday.
        ("0 4 * * 0", "2026-11-30T00:00:00Z", "2026-12-07T00:00:00Z", ["2026-12-06T03:00:00Z"]),
        ("0 4 * * 7", "2026-11-30T00:00:00Z", "2026-12-07T00:00:00Z", ["2026-12-06T03:00:00Z"]),
        // Both day fields restricted: the 1st of the month or a Friday.
        ("0 12 1 * 5", "2026-11-30T00:00:00Z", "2026-12-06T00:00:00Z",
         ["2026-12-01T11:00:00Z", "2026-12-04T11:00:00Z"]),
        ("30 3 * 1 *", "2026-11-30T00:00:00Z", "2026-12-31T00:00:00Z", []),
    ])
    func slots(expression: String, from: String, through: String, expected: [String]) throws {
        let schedule = try CronSchedule(expression)
        #expect(schedule.slots(after: utc(from), through: utc(through)) == expected.map(utc))
    }

    @Test("malformed expressions are refused", arguments: [
        "* * * *", "60 * * * *", "* 24 * * *", "* * 0 * *", "* * * 13 *", "* * * * 8", "*/0 * * * *", "a * * * *", "5-1 * * * *",
    ])
    func invalid(expression: String) {
        #expect(throws: CronSchedule.ParseError.self) { try CronSchedule(expression) }
    }

    // 2026-03-29: 02:00-02:59 does not exist; 03:00 CEST is 01:00Z.
    @Test("spring: a daily 02:30 slot fires once, at the change to 03:00 CEST")
    func springDailyInGap() throws {
        let slots = try CronSchedule("30 2 * * *").slots(after: utc("2026-03-28T12:00:00Z"), through: utc("2026-03-30T12:00:00Z"))
        #expect(slots == [utc("2026-03-29T01:00:00Z"), utc("2026-03-30T00:30:00Z")])
    }

    @Test("spring: a wildcard-hour schedule follows real time and skips the missing hour")
    func springWildcard() throws {
        let slots = try CronSchedule("*/30 * * * *").slots(after: utc("2026-03-28T23:59:00Z"), through: utc("2026-03-29T02:00:00Z"))
        // 01:00, 01:30 CET, then 03:00, 03:30, 04:00 CEST.
        #expect(slots == ["2026-03-29T00:00:00Z", "2026-03-29T00:30:00Z", "2026-03-29T01:00:00Z",
                          "2026-03-29T01:30:00Z", "2026-03-29T02:00:00Z"].map(utc))
    }

    // 2026-10-25: 02:00-02:59 happens twice, 00:00Z-00:59Z (CEST) and 01:00Z-01:59Z (CET).
    @Test("autumn: a daily 02:30 slot fires once, in the first pass")
    func autumnDaily() throws {
        let slots = try CronSchedule("30 2 * * *").slots(after: utc("2026-10-24T12:00:00Z"), through: utc("2026-10-25T12:00:00Z"))
        #expect(slots == [utc("2026-10-25T00:30:00Z")])
    }

    @Test("autumn: an hourly schedule fires in both passes of the repeated hour")
    func autumnHourly() throws {
        let slots = try CronSchedule("30 * * * *").slots(after: utc("2026-10-24T23:00:00Z"), through: utc("2026-10-25T02:00:00Z"))
        #expect(slots == ["2026-10-24T23:30:00Z", "2026-10-25T00:30:00Z", "2026-10-25T01:30:00Z"].map(utc))
    }

    @Test("next slot of the nightly backup after an afternoon")
    func nextSlot() throws {
        let next = try CronSchedule("30 3 * * *").nextSlot(after: utc("2026-11-30T15:00:00Z"))
        #expect(next == utc("2026-12-01T02:30:00Z"))
        #expect(try CronSchedule("0 0 29 2 *").nextSlot(after: utc("2026-11-30T15:00:00Z")) == utc("2028-02-28T23:00:00Z"))
    }
}
