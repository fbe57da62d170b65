import Foundation
import SQLKit

/// One row of the `jobs` table, as operators and pages see it.
public struct Job: Sendable, Equatable, Identifiable {
    public let id: Int64
    public let kind: String
    /// The JSON payload, as enqueued.
    public let payload: Data
    public let state: JobState
    /// Attempts started so far (the running one included).
    public let attempts: Int
    public let maxAttempts: Int
    /// The earliest time the job may start (UTC).
    public let runAt: Date
    public let leaseOwner: String?
    public let leaseExpiresAt: Date?
    public let lastError: String?
    public let idempotencyKey: String?
    public let createdAt: Date
    public let updatedAt: Date
    public let startedAt: Date?
    public let finishedAt: Date?

    /// Decodes the payload.
    public func decodePayload<T: Decodable>(_ type: T.Type = T.self) throws -> T {
        try JSONDecoder.portalJobs.decode(T.self, from: payload)
    }
}

extension Job {
    static let columns = """
        id, kind, payload, state, attempts, max_attempts, run_at, lease_owner, lease_expires_at, \
        last_error, idempotency_key, created_at, updated_at, started_at, finished_at
        """

    init(row: any SQLRow) throws {
        let stateName = try row.decode(column: "state", as: String.self)
        guard let state = JobState(rawValue: stateName) else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "unknown job state \(stateName)"))
        }
        func time(_ column: String) throws -> Date? {
            try row.decode(column: column, as: Int64?.self).map(EpochMillis.date)
        }
        id = try row.decode(column: "id", as: Int64.self)
        kind = try row.decode(column: "kind", as: String.self)
        payload = Data(try row.decode(column: "payload", as: String.self).utf8)
        self.state = state
        attempts = Int(try row.decode(column: "attempts", as: Int64.self))
        maxAttempts = Int(try row.decode(column: "max_attempts", as: Int64.self))
        runAt = EpochMillis.date(try row.decode(column: "run_at", as: Int64.self))
        leaseOwner = try row.decode(column: "lease_owner", as: String?.self)
        leaseExpiresAt = try time("lease_expires_at")
        lastError = try row.decode(column: "last_error", as: String?.self)
        idempotencyKey = try row.decode(column: "idempotency_key", as: String?.self)
        createdAt = EpochMillis.date(try row.decode(column: "created_at", as: Int64.self))
        updatedAt = EpochMillis.date(try row.decode(column: "updated_at", as: Int64.self))
        startedAt = try time("started_at")
        finishedAt = try time("finished_at")
    }
}

extension JSONEncoder {
    /// Sorted keys so that equal payloads are equal strings; ISO dates so a
    /// person reading `portal jobs show` understands them.
    static var portalJobs: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }
}

extension JSONDecoder {
    static var portalJobs: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
