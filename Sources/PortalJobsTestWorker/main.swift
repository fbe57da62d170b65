// Worker processes for PortalJobsTests, started by the tests themselves.
//
//   PortalJobsTestWorker block BACKEND LOCATION [SCHEMA]
//     claims the kill test's job, writes its side effect, then blocks until
//     the test kills it with SIGKILL.
//   PortalJobsTestWorker drain BACKEND LOCATION [SCHEMA]
//     says it is ready, waits until jobs exist, runs "count" jobs until none
//     is left, and exits: two of these share one PostgreSQL queue.
import Foundation
import PortalDomain
import PortalJobs
import PortalJobsTestSupport

let arguments = CommandLine.arguments
guard arguments.count >= 4, ["block", "drain"].contains(arguments[1]),
      let backend = TestBackend(rawValue: arguments[2]) else {
    FileHandle.standardError.write(Data("usage: PortalJobsTestWorker block|drain sqlite|postgres LOCATION [SCHEMA]\n".utf8))
    exit(64)
}
let database = switch backend {
case .sqlite: try await TestDatabase.openSQLite(path: arguments[3], owned: false)
case .postgres: try await TestDatabase.openPostgres(url: arguments[3], schema: arguments[4], owned: false)
}
let pid = ProcessInfo.processInfo.processIdentifier

if arguments[1] == "block" {
    var registry = JobRegistry()
    registry.register(KillTestJob.kind, handler: KillTestJob.handler(blockAfterEffect: true))
    let queue = try JobQueue(database: database.sql, registry: registry, clock: SystemClock())
    let worker = Worker(queue: queue, options: WorkerOptions(
        concurrency: 1, pollInterval: .milliseconds(100), lease: .seconds(30), owner: "kill-test-child:\(pid)"
    ))
    await worker.run()
} else {
    let owner = "drain-child:\(pid)"
    let queue = try JobQueue(database: database.sql, registry: DrainTestJob.registry(owner: owner), clock: SystemClock())
    let worker = Worker(queue: queue, options: WorkerOptions(concurrency: 4, owner: owner))
    try await DrainTestJob.sayReady(owner: owner, on: database.sql)
    while try await queue.list(limit: 1).isEmpty {
        try await Task.sleep(for: .milliseconds(10))
    }
    try await worker.runUntilIdle()
    try await database.shutdown()
}
