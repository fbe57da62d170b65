import Foundation

/// Exponential backoff with jitter between failed attempts.
///
/// Attempt n waits `min(maximum, base * factor^(n-1))`, spread by ±`jitter`
/// so that many jobs failing together (the mail server was down) do not
/// come back in one burst.
public struct RetryPolicy: Sendable, Equatable {
    public var base: TimeInterval
    public var factor: Double
    public var maximum: TimeInterval
    /// Fraction of the delay, 0…1.
    public var jitter: Double

    public init(base: TimeInterval = 15, factor: Double = 2, maximum: TimeInterval = 6 * 3600, jitter: Double = 0.2) {
        self.base = base
        self.factor = factor
        self.maximum = maximum
        self.jitter = min(max(jitter, 0), 1)
    }

    /// The delay before the attempt after failed attempt `attempt` (1-based).
    public func delay(afterAttempt attempt: Int, using random: inout some RandomNumberGenerator) -> TimeInterval {
        let exponent = Double(max(attempt, 1) - 1)
        let plain = min(maximum, base * pow(factor, exponent))
        guard jitter > 0 else { return plain }
        let spread = Double.random(in: -jitter...jitter, using: &random)
        return max(0, plain * (1 + spread))
    }
}

/// A small seeded generator (SplitMix64) so that tests get the same jitter
/// every run; production uses `SystemRandomNumberGenerator`.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
