import Foundation
import PortalDomain
import Testing

/// An instant written in UTC, so that each DST case states exactly which
/// real moment it means.
private func utc(_ text: String) -> Date {
    ISO8601DateFormatter().date(from: text)!
}

@Suite("Maintenance window 03:00-05:00 Europe/Berlin")
struct MaintenanceWindowTests {
    let window = MaintenanceWindow.standard

    // 2026-11-30 is an ordinary winter day: Berlin is UTC+1.
    @Test("02:59 is outside, 03:00 and 04:59 inside, 05:00 outside", arguments: [
        ("2026-11-30T01:59:00Z", false), // 02:59
        ("2026-11-30T02:00:00Z", true), // 03:00
        ("2026-11-30T03:59:59Z", true), // 04:59:59
        ("2026-11-30T04:00:00Z", false), // 05:00
        ("2026-07-01T00:59:00Z", false), // summer 02:59 CEST
        ("2026-07-01T01:00:00Z", true), // summer 03:00 CEST
        ("2026-07-01T03:00:00Z", false), // summer 05:00 CEST
    ])
    func containsAtTheEdges(instant: String, inside: Bool) {
        #expect(window.contains(utc(instant)) == inside)
    }

    @Test("a job that asks at 03:30 may start at 05:00 the same morning")
    func nextAllowedStartInside() {
        #expect(window.nextAllowedStart(after: utc("2026-11-30T02:30:00Z")) == utc("2026-11-30T04:00:00Z"))
        #expect(window.nextAllowedStart(after: utc("2026-11-30T03:59:59Z")) == utc("2026-11-30T04:00:00Z"))
    }

    @Test("outside the window the asked time itself is allowed")
    func nextAllowedStartOutside() {
        let before = utc("2026-11-30T01:59:30Z")
        #expect(window.nextAllowedStart(after: before) == before)
        let after = utc("2026-11-30T04:00:00Z")
        #expect(window.nextAllowedStart(after: after) == after)
    }

    // 2026-03-29: at 02:00 CET the clocks jump to 03:00 CEST (01:00 UTC).
    @Test("spring change: the window opens right at the jump and ends at 05:00 CEST")
    func springForward() {
        #expect(!window.contains(utc("2026-03-29T00:59:59Z"))) // 01:59:59 CET
        #expect(window.contains(utc("2026-03-29T01:00:00Z"))) // 03:00 CEST
        #expect(window.contains(utc("2026-03-29T02:59:00Z"))) // 04:59 CEST
        #expect(!window.contains(utc("2026-03-29T03:00:00Z"))) // 05:00 CEST
        #expect(window.nextAllowedStart(after: utc("2026-03-29T01:00:00Z")) == utc("2026-03-29T03:00:00Z"))
    }

    // 2026-10-25: at 03:00 CEST the clocks go back to 02:00 CET (01:00 UTC).
    @Test("autumn change: both passes of 02:xx are outside, 03:00 CET opens the window")
    func fallBack() {
        #expect(!window.contains(utc("2026-10-25T00:30:00Z"))) // 02:30 CEST
        #expect(!window.contains(utc("2026-10-25T01:30:00Z"))) // 02:30 CET
        #expect(window.contains(utc("2026-10-25T02:00:00Z"))) // 03:00 CET
        #expect(!window.contains(utc("2026-10-25T04:00:00Z"))) // 05:00 CET
        #expect(window.nextAllowedStart(after: utc("2026-10-25T02:30:00Z")) == utc("2026-10-25T04:00:00Z"))
    }

    @Test("a window that lies in the skipped spring hour does not occur that day")
    func windowInSkippedHour() throws {
        let early = try #require(MaintenanceWindow("02:00-02:30"))
        for minute in stride(from: 0, to: 180, by: 1) {
            let instant = utc("2026-03-28T23:00:00Z").addingTimeInterval(Double(minute) * 60)
            #expect(!early.contains(instant))
        }
    }

    @Test("a window that ends in the skipped spring hour ends at the jump")
    func windowEndingInSkippedHour() throws {
        let early = try #require(MaintenanceWindow("01:00-02:30"))
        // 01:30 CET asks; 02:30 does not exist, the first allowed instant is 03:00 CEST.
        #expect(early.nextAllowedStart(after: utc("2026-03-29T00:30:00Z")) == utc("2026-03-29T01:00:00Z"))
    }

    @Test("a window over midnight wraps")
    func wrapsMidnight() throws {
        let night = try #require(MaintenanceWindow("23:00-01:00"))
        #expect(night.contains(utc("2026-11-30T22:30:00Z"))) // 23:30
        #expect(night.contains(utc("2026-11-30T23:30:00Z"))) // 00:30
        #expect(!night.contains(utc("2026-12-01T00:00:00Z"))) // 01:00
        #expect(night.nextAllowedStart(after: utc("2026-11-30T22:30:00Z")) == utc("2026-12-01T00:00:00Z"))
    }

    @Test("configuration text is parsed and checked", arguments: [
        ("03:00-05:00", true), ("22:15-23:45", true), ("3-5", false), ("25:00-05:00", false),
        ("03:00", false), ("03:60-05:00", false),
    ])
    func parsing(text: String, valid: Bool) {
        #expect((MaintenanceWindow(text) != nil) == valid)
    }

    @Test("an empty window contains nothing")
    func emptyWindow() throws {
        let none = try #require(MaintenanceWindow("03:00-03:00"))
        #expect(!none.contains(utc("2026-11-30T02:00:00Z")))
    }
}
