import Foundation
import NIOConcurrencyHelpers
import PortalDomain

/// A sliding-window limit per key (the client address, `Request.clientAddress`), kept in memory.
///
/// In-process state is enough for one node; behind a load balancer each node
/// limits on its own, which multiplies the limit by the node count (see
/// docs/configuration.md). The clock is injected so tests can cross the window.
package final class RateLimiter: Sendable {
    package enum Decision: Equatable, Sendable {
        case allowed
        case limited(retryAfter: Int)
    }

    package let rule: RateLimitRule
    package let clock: any PortalClock
    private let state = NIOLockedValueBox<[String: [Date]]>([:])

    package init(rule: RateLimitRule, clock: any PortalClock) {
        self.rule = rule
        self.clock = clock
    }

    package func check(_ key: String) -> Decision {
        let now = clock.now()
        let windowStart = now.addingTimeInterval(-rule.period)
        return state.withLockedValue { buckets in
            if buckets.count > 10_000 { buckets = buckets.filter { $0.value.last.map { $0 > windowStart } ?? false } }
            var hits = buckets[key, default: []].filter { $0 > windowStart }
            guard hits.count < rule.limit else {
                let retry = hits.first.map { Int(($0.timeIntervalSince(windowStart)).rounded(.up)) } ?? Int(rule.period)
                buckets[key] = hits
                return .limited(retryAfter: max(1, retry))
            }
            hits.append(now)
            buckets[key] = hits
            return .allowed
        }
    }
}

