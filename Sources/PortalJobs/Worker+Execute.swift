import Foundation
import Logging

extension Worker {
    /// One attempt of one job: the handler under its timeout, then success
    /// or a failure with backoff. Never throws: every outcome is written to
    /// the job's row (or refused by the lease guard).
    func execute(_ job: Job, token: String) async {
        let registry = queue.registry
        guard let kind = registry.kinds[job.kind], let handler = registry.handlers[job.kind] else {
            await fail(job, token: token, error: JobQueueError.unknownKind(job.kind))
            return
        }
        let context = JobContext(job: job, queue: queue, owner: token, logger: logger)
        do {
            try await Self.withTimeout(kind.timeout, jobID: job.id) { try await handler(context) }
            if !context.isCompleted {
                try await queue.markSucceeded(job.id, owner: token)
            }
            logger.debug("job succeeded", metadata: ["job-id": "\(job.id)", "job-kind": "\(job.kind)"])
        } catch JobQueueError.leaseLost(let id) {
            logger.warning("job finished after its lease was lost; result discarded", metadata: ["job-id": "\(id)"])
        } catch {
            await fail(job, token: token, error: error)
        }
    }

    private func fail(_ job: Job, token: String, error: any Error) async {
        let delay = retryDelay(afterAttempt: job.attempts)
        do {
            let state = try await queue.markFailed(
                job.id, owner: token, error: String(describing: error), retryDelay: delay
            )
            logger.warning("job attempt failed", metadata: [
                "job-id": "\(job.id)", "job-kind": "\(job.kind)", "attempt": "\(job.attempts)",
                "state": "\(state?.rawValue ?? "lease lost")", "error": "\(error)",
            ])
        } catch {
            logger.error("could not record job failure", metadata: ["job-id": "\(job.id)", "error": "\(error)"])
        }
    }

    /// Races the handler against its timeout; the loser is cancelled.
    static func withTimeout(
        _ timeout: Duration, jobID: Int64, _ body: @escaping @Sendable () async throws -> Void
    ) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw JobQueueError.timedOut(jobID, seconds: timeout.seconds)
            }
            defer { group.cancelAll() }
            try await group.next()
        }
    }
}
