import Fluent
import Foundation
import PortalDomain
import PortalJobs
import Vapor

/// The window-bound matching job: compares the card's data with the member
/// record and activates, sends to review, or rejects. Idempotent: a
/// registration that is no longer pending is left alone, so a job run twice
/// after a crash decides once.
package struct RegistrationMatching {
    package struct Payload: Codable, Sendable {
        package let registrationID: UUID

        package init(registrationID: UUID) {
            self.registrationID = registrationID
        }
    }

    package let database: PortalDatabase
    package let clock: any PortalClock
    package let jobs: JobsService
    package let retiredCards: TokenHasher

    package func run(_ context: JobContext) async throws {
        let payload = try context.decodePayload(Payload.self)
        try await database.db.writeTransaction { db in
            guard let registration = try await Registration.find(payload.registrationID, on: db),
                  registration.state == .pending else { return }
            let identity = try JSONDecoder().decode(EIDIdentity.self, from: Data(registration.identityJSON.utf8))
            let now = clock.now()
            guard let member = try await Member.query(on: db).filter(\.$memberNumber == registration.memberNumber).first() else {
                try await Self.decide(registration, .rejected, reason: "unknownMemberNumber", on: db, at: now, actor: .matching)
                return
            }
            registration.memberID = member.id
            switch RegistrationMatcher().match(identity, against: member.matchable) {
            case .match:
                let outcome = try await AccountBinding.bind(member: member, pseudonym: identity.pseudonym, registration: registration,
                                                            on: db, at: now, actor: .matching, jobs: jobs,
                                                            retiredCards: retiredCards)
                if outcome == .cardBoundToAnotherMember {
                    try await Self.decide(registration, .review, reason: "cardBoundToAnotherMember", on: db, at: now, actor: .matching)
                }
            case .review(let reason):
                try await Self.decide(registration, .review, reason: reason.rawValue, on: db, at: now, actor: .matching)
            case .noMatch(let reason):
                try await Self.decide(registration, .rejected, reason: reason.rawValue, on: db, at: now, actor: .matching)
            }
        }
    }

    package static func decide(_ registration: Registration, _ state: Registration.State, reason: String, on db: any Database, at now: Date,
                       actor: AuditActor) async throws {
        registration.state = state
        registration.reason = reason
        registration.decidedAt = now
        registration.decidedBy = actor.auditValue
        try await registration.save(on: db)
        try await AuditLog.record(on: db, at: now, actor: actor, action: "registration.\(state.rawValue)",
                                  memberID: registration.memberID, detail: ["reason": reason, "registration": registration.id?.uuidString ?? "-"])
    }
}

extension Member {
    /// The fields the matcher compares, for a first registration and a transfer code alike.
    package var matchable: MatchableMember {
        MatchableMember(familyName: familyName, givenNames: givenNames, birthName: birthName,
                        academicDegree: academicDegree, dateOfBirth: dateOfBirth)
    }
}
