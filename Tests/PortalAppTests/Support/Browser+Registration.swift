import Foundation
import PortalJobs
import Testing
import VaporTesting
@testable import PortalApp
@testable import PortalCore
@testable import PortalWeb
@testable import PortalMember
@testable import PortalBackOffice

extension Browser {
    /// Signs in with a typed identity through the simulator's form.
    @discardableResult
    func signIn(family: String, given: String, born: String, pseudonym: String, birthName: String = "") async throws -> TestingHTTPResponse {
        try await post("/dev/eid", form: [
            "family_names": family, "given_names": given, "date_of_birth": born, "pseudonym": pseudonym,
            "birth_name": birthName, "document_type": "ID", "issuing_state": "D",
        ])
    }

    @discardableResult
    func register(_ memberNumber: String, consent: Bool = true) async throws -> TestingHTTPResponse {
        var form = ["member_number": memberNumber]
        if consent { form["privacy_consent"] = "on" }
        return try await post("/registrierung", form: form)
    }

    /// The `data-registration-state` the status page's main element carries.
    func registrationState() async throws -> String? {
        let html = try await get("/registrierung").body.string
        guard let range = html.range(of: "data-registration-state=\"") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }
}

/// Runs every job that is due at the test clock's current time.
@discardableResult
func runDueJobs(_ app: Application) async throws -> Int {
    try await app.portal.jobs.worker.runUntilIdle()
}

/// Runs a recurring job now, as the scheduler would start it: enqueued
/// with an empty payload and run by the worker with its registered handler.
func runRecurringJob(_ kind: JobKind, _ app: Application) async throws {
    try await app.portal.jobs.queue.enqueue(kind: kind.name, payload: [String: String]())
    _ = try await app.portal.jobs.worker.runUntilIdle()
}
