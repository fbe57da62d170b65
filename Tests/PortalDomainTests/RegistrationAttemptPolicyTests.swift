import Foundation
import Testing
import PortalDomain

@Suite("Registration attempt limits")
struct RegistrationAttemptPolicyTests {
    let policy = RegistrationAttemptPolicy()
    let start = Date(timeIntervalSince1970: 1_780_000_000)
    let hour: TimeInterval = 3600

    /// `count` attempts one hour apart, the first at `start`.
    func attempts(_ count: Int) -> [Date] {
        (0..<count).map { start.addingTimeInterval(Double($0) * hour) }
    }

    @Test func theFifthAttemptIsAllowed() {
        let now = start.addingTimeInterval(5 * hour)
        #expect(policy.decide(pseudonymAttempts: attempts(4), memberNumberAttempts: attempts(4), now: now) == .allowed)
    }

    @Test func theSixthAttemptIsBlockedUntilTheFirstIs24HoursOld() {
        let now = start.addingTimeInterval(5 * hour)
        #expect(policy.decide(pseudonymAttempts: attempts(5), memberNumberAttempts: [], now: now)
            == .blocked(until: start.addingTimeInterval(24 * hour)))
    }

    @Test(arguments: [(-1.0, false), (0.0, true), (1.0, true)])
    func theWindowSlidesAfter24Hours(secondsAfterTheFirstAgesOut: Double, allowed: Bool) {
        let now = start.addingTimeInterval(24 * hour + secondsAfterTheFirstAgesOut)
        let decision = policy.decide(pseudonymAttempts: attempts(5), memberNumberAttempts: [], now: now)
        #expect((decision == .allowed) == allowed)
    }

    @Test func attemptsForOneMemberNumberCountAcrossDifferentCards() {
        let now = start.addingTimeInterval(5 * hour)
        #expect(policy.decide(pseudonymAttempts: [start], memberNumberAttempts: attempts(5), now: now)
            == .blocked(until: start.addingTimeInterval(24 * hour)))
    }

    @Test func theLaterOfTheTwoBlocksWins() {
        let now = start.addingTimeInterval(10 * hour)
        let memberAttempts = attempts(5).map { $0.addingTimeInterval(2 * hour) }
        #expect(policy.decide(pseudonymAttempts: attempts(5), memberNumberAttempts: memberAttempts, now: now)
            == .blocked(until: start.addingTimeInterval(26 * hour)))
    }

    @Test func withMoreAttemptsThanTheLimitEnoughMustAgeOut() {
        let now = start.addingTimeInterval(6 * hour)
        #expect(policy.decide(pseudonymAttempts: Array(attempts(7).reversed()), memberNumberAttempts: [], now: now)
            == .blocked(until: start.addingTimeInterval(26 * hour)))
    }

    @Test func oldAttemptsDoNotCount() {
        let now = start.addingTimeInterval(48 * hour)
        #expect(policy.decide(pseudonymAttempts: attempts(20), memberNumberAttempts: attempts(20), now: now) == .allowed)
    }

    @Test func aConfiguredLimitAndWindowApply() {
        let strict = RegistrationAttemptPolicy(limit: 2, window: hour)
        #expect(strict.decide(pseudonymAttempts: [start], memberNumberAttempts: [], now: start) == .allowed)
        let twoWithinTheHour = [start, start.addingTimeInterval(hour / 2)]
        #expect(strict.decide(pseudonymAttempts: twoWithinTheHour, memberNumberAttempts: [], now: start.addingTimeInterval(hour / 2))
            == .blocked(until: start.addingTimeInterval(hour)))
    }

    @Test func aLimitBelowOneStillAllowsTheFirstAttempt() {
        let policy = RegistrationAttemptPolicy(limit: 0)
        #expect(policy.decide(pseudonymAttempts: [], memberNumberAttempts: [], now: start) == .allowed)
        #expect(policy.decide(pseudonymAttempts: [start], memberNumberAttempts: [], now: start) != .allowed)
    }
}
