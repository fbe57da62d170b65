import Foundation
import PortalJobs
import Vapor

/// `portal jobs list [--state dead] | show ID | retry ID` for operators.
struct JobsCommand: AsyncCommandGroup {
    var help: String { "Lists, shows and retries background jobs." }
    var commands: [String: any AnyAsyncCommand] {
        ["list": List(), "show": Show(), "retry": Retry()]
    }

    struct List: AsyncCommand {
        struct Signature: CommandSignature {
            @Option(name: "state", help: "only jobs in this state (scheduled, available, running, succeeded, failed, dead)")
            var state: String?
        }
        var help: String { "Lists the newest jobs and the count per state." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let queue = context.application.jobs.queue
            var state: JobState?
            if let text = signature.state {
                guard let parsed = JobState(rawValue: text) else { throw UsageError(description: "unknown state '\(text)'") }
                state = parsed
            }
            let jobs = try await queue.list(state: state, limit: 200)
            for job in jobs { context.console.print(JobsCommand.line(job)) }
            let counts = try await queue.counts().sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue): \($0.value)" }
            context.console.print("\(jobs.count) shown; " + counts.joined(separator: ", "))
        }
    }

    struct Show: AsyncCommand {
        struct Signature: CommandSignature {
            @Argument(name: "id", help: "the job id")
            var id: Int64
        }
        var help: String { "Shows one job with its payload, last error and expected start." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let queue = context.application.jobs.queue
            guard let job = try await queue.find(signature.id) else { throw UsageError(description: "no job \(signature.id)") }
            context.console.print(JobsCommand.line(job))
            context.console.print("  payload: \(String(decoding: job.payload, as: UTF8.self))")
            if let error = job.lastError { context.console.print("  last error: \(error)") }
            if let start = queue.expectedStart(of: job) { context.console.print("  expected start: \(start)") }
        }
    }

    struct Retry: AsyncCommand {
        struct Signature: CommandSignature {
            @Argument(name: "id", help: "the id of a dead or failed job")
            var id: Int64
        }
        var help: String { "Makes a dead or failed job available again." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let job = try await context.application.jobs.queue.retry(signature.id)
            context.application.jobs.worker.wake()
            context.console.print("job \(job.id) is \(job.state.rawValue) again")
        }
    }

    static func line(_ job: Job) -> String {
        "\(job.id)\t\(job.kind)\t\(job.state.rawValue)\tattempts \(job.attempts)/\(job.maxAttempts)\trun at \(job.runAt)"
    }
}

/// A mistake in a command line, reported as such (exit status 1, no stack trace).
struct UsageError: Error, CustomStringConvertible {
    let description: String
}
