import Foundation
import Logging

/// A job that the scheduler enqueues on every slot of its schedule.
public struct RecurringJob: Sendable {
    /// Part of the idempotency key; keep it stable.
    public let name: String
    public let schedule: CronSchedule
    public let kind: String
    public let payloadJSON: Data

    public init(name: String, schedule: CronSchedule, kind: String, payload: some Encodable = [String: String]()) throws {
        self.name = name
        self.schedule = schedule
        self.kind = kind
        self.payloadJSON = try JSONEncoder.portalJobs.encode(payload)
    }
}

/// Enqueues recurring jobs. Every worker process may run one: each slot is
/// enqueued with the key `cron:<name>:<slot UTC ISO time>`, so however many
/// schedulers see a slot, the unique key lets exactly one job in.
public actor Scheduler {
    public nonisolated let queue: JobQueue
    public nonisolated let jobs: [RecurringJob]
    private var checkedThrough: Date
    private let logger: Logger

    /// `catchUp` looks back at start-up, so that a slot missed while every
    /// process was down for a restart still runs (the key keeps it single).
    public init(queue: JobQueue, jobs: [RecurringJob], catchUp: TimeInterval = 0,
                logger: Logger = Logger(label: "portal.jobs.scheduler")) {
        self.queue = queue
        self.jobs = jobs
        self.checkedThrough = queue.clock.now().addingTimeInterval(-catchUp)
        self.logger = logger
    }

    public static func idempotencyKey(name: String, slot: Date) -> String {
        "cron:\(name):\(slot.formatted(.iso8601))"
    }

    /// Enqueues every slot since the last tick up to now; returns the jobs
    /// (new or already enqueued by another scheduler).
    @discardableResult
    public func tick() async throws -> [Job] {
        let now = queue.clock.now()
        guard now > checkedThrough else { return [] }
        var enqueued: [Job] = []
        for job in jobs {
            for slot in job.schedule.slots(after: checkedThrough, through: now) {
                enqueued.append(try await queue.enqueue(
                    kind: job.kind, payloadJSON: job.payloadJSON, runAt: slot,
                    idempotencyKey: Self.idempotencyKey(name: job.name, slot: slot)
                ))
            }
        }
        checkedThrough = now
        return enqueued
    }

    /// Ticks every `interval` until the task is cancelled.
    public func run(interval: Duration = .seconds(15)) async {
        while !Task.isCancelled {
            do {
                try await tick()
            } catch {
                logger.error("scheduler tick failed", metadata: ["error": "\(error)"])
            }
            try? await Task.sleep(for: interval)
        }
    }

    /// The next slot of each recurring job, for `portal jobs list`.
    public nonisolated func nextSlots(after date: Date) -> [(name: String, slot: Date?)] {
        jobs.map { ($0.name, $0.schedule.nextSlot(after: date)) }
    }
}
