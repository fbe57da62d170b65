import Foundation

/// Wakes a sleeping loop early: `wait(timeout:)` returns when `ring()` is
/// called or the timeout has passed. A ring with nobody waiting is kept, so
/// a wake-up that arrives just before the wait is not lost.
final class Doorbell: @unchecked Sendable {
    // @unchecked: `rung` and `waiter` are only touched under `lock`.
    private let lock = NSLock()
    private var rung = false
    private var waiter: CheckedContinuation<Void, Never>?

    func ring() {
        let waiter: CheckedContinuation<Void, Never>? = lock.withLock {
            if let waiting = self.waiter {
                self.waiter = nil
                return waiting
            }
            rung = true
            return nil
        }
        waiter?.resume()
    }

    /// Real-time wait: poll intervals are about load, not business time, so
    /// they do not go through the injected clock.
    func wait(timeout: Duration) async {
        let timer = Task { [weak self] in
            do {
                try await Task.sleep(for: timeout)
                self?.ring()
            } catch {}
        }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let resumeNow: Bool = lock.withLock {
                if rung {
                    rung = false
                    return true
                }
                waiter = continuation
                return false
            }
            if resumeNow { continuation.resume() }
        }
        timer.cancel()
    }
}
