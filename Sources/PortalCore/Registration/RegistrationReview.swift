import Fluent
import Foundation
import SQLKit

/// A case worker's decision on a registration sent to review. The check that
/// it is still in review and the decision are one write transaction, so two
/// case workers deciding at once decide once. The person learns of it the way
/// they asked: the inbox (approved: the welcome message) and, when they left
/// an address on the review page or have a confirmed one, a mail that says
/// only that there is news in the portal.
package enum RegistrationReview {
    /// Why nothing was decided; the transaction rolled back.
    package enum Refusal: Error, Equatable, CustomStringConvertible {
        case unknownRegistration(UUID)
        case notInReview(UUID, Registration.State)
        case unknownMember(String)
        case cardBoundToAnotherMember

        package var description: String {
            switch self {
            case .unknownRegistration(let id): "no registration \(id)"
            case .notInReview(let id, let state): "registration \(id) is \(state.rawValue), not in review"
            case .unknownMember(let number): "no member \(number)"
            case .cardBoundToAnotherMember: "this card is bound to another member's account"
            }
        }
    }

    package static func decide(_ id: UUID, approve: Bool, on database: any Database, at now: Date, actor: AuditActor, jobs: JobsService,
                       retiredCards: TokenHasher) async throws {
        try await database.writeTransaction { db in
            // PostgreSQL: hold the row until commit, so a second decision waits and then sees it decided
            // (SQLite's writeTransaction already holds the only write lock).
            let sql = try db.requireSQL()
            if sql.dialect.name == "postgresql" {
                _ = try await sql.select().column("id").from(Registration.schema).where("id", .equal, id).for(.update).first()
            }
            guard let registration = try await Registration.find(id, on: db) else { throw Refusal.unknownRegistration(id) }
            guard registration.state == .review else { throw Refusal.notInReview(id, registration.state) }
            let leftAddress = registration.notifyEmail
            registration.notifyEmail = nil
            var memberID: UUID?
            if approve {
                guard let member = try await Member.query(on: db).filter(\.$memberNumber == registration.memberNumber).first() else {
                    throw Refusal.unknownMember(registration.memberNumber)
                }
                let outcome = try await AccountBinding.bind(member: member, pseudonym: registration.pseudonym, registration: registration,
                                                            on: db, at: now, actor: actor, jobs: jobs, retiredCards: retiredCards)
                if outcome == .cardBoundToAnotherMember { throw Refusal.cardBoundToAnotherMember }
                memberID = member.id
            } else {
                try await RegistrationMatching.decide(registration, .rejected, reason: "caseWorker", on: db, at: now, actor: actor)
            }
            var confirmed: String?
            if let memberID { confirmed = try await NotificationSetting.query(on: db).filter(\.$memberID == memberID).first()?.email }
            guard let address = leftAddress ?? confirmed else { return }
            // The member the mail is about, also after a rejection, so termination finds the job.
            let payload = PortalMails.Payload(kind: .newContent, to: address, link: nil, memberID: memberID ?? registration.memberID)
            _ = try await jobs.enqueue(PortalJobKinds.mailSend, payload: payload, key: "mail-registration-decided-\(id.uuidString)", on: db)
        }
    }
}
