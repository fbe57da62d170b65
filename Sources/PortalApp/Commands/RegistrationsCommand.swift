import Fluent
import Foundation
import PortalDomain
import Vapor
import PortalCore
import PortalWeb
import PortalMember
import PortalBackOffice

/// `portal registrations list [--state review] | show ID | approve ID | reject ID`:
/// the case workers' review queue until the back office exists.
struct RegistrationsCommand: AsyncCommandGroup {
    let services: PortalServices
    var help: String { "Lists registrations and decides those sent to review." }
    var commands: [String: any AnyAsyncCommand] {
        ["list": List(services: services), "show": Show(services: services), "approve": Decide(services: services, approve: true), "reject": Decide(services: services, approve: false)]
    }

    struct List: AsyncCommand {
        let services: PortalServices

        struct Signature: CommandSignature {
            @Option(name: "state", help: "pending, review, rejected or active (default review)")
            var state: String?
            @Option(name: "operator", help: OperatorName.help)
            var operatorName: String?
        }
        var help: String { "Lists registrations in one state, oldest first, with the case-worker reason and the card's data beside the record's." }

        func run(using context: CommandContext, signature: Signature) async throws {
            guard let state = Registration.State(rawValue: signature.state ?? "review") else {
                throw UsageError(description: "unknown state '\(signature.state ?? "")'")
            }
            let actor = try OperatorName.actor(option: signature.operatorName)
            let rows = try await Registration.query(on: services.database.db).filter(\.$state == state).sort(\.$createdAt).all()
            // Registrations carry member numbers, not member ids: the entry names the state and how many were shown.
            try await AuditLog.record(on: services.database.db, at: services.clock.now(), actor: actor, action: "registration.list", memberID: nil,
                                      detail: ["state": state.rawValue, "registrations": "\(rows.count)"])
            for row in rows {
                context.console.line("\(row.id?.uuidString ?? "-")\t\(row.memberNumber)\t\(row.state.rawValue)\t\(row.reason ?? "-")\t\(row.createdAt)")
                for line in try await RegistrationComparison.load(row, on: services.database.db).0.lines { context.console.line(line) }
            }
            context.console.line("\(rows.count) registration(s) in state \(state.rawValue)")
        }
    }

    struct Show: AsyncCommand {
        let services: PortalServices

        struct Signature: CommandSignature {
            @Argument(name: "id", help: "the registration id")
            var id: String
            @Option(name: "operator", help: OperatorName.help)
            var operatorName: String?
        }
        var help: String { "Shows one registration: the card's data beside the record's, field by field." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let actor = try OperatorName.actor(option: signature.operatorName)
            guard let id = UUID(uuidString: signature.id) else { throw UsageError(description: "'\(signature.id)' is not a registration id") }
            guard let registration = try await Registration.find(id, on: services.database.db) else { throw UsageError(description: "no registration \(id)") }
            let (comparison, member) = try await RegistrationComparison.load(registration, on: services.database.db)
            // Both sides are personal data: reading them is on record, under the member when the number exists.
            try await AuditLog.record(on: services.database.db, at: services.clock.now(), actor: actor, action: "registration.show", memberID: member?.id,
                                      detail: ["registration": id.uuidString])
            context.console.line("registration \(id)\tmember number \(registration.memberNumber)\t\(registration.state.rawValue)\treason \(registration.reason ?? "-")")
            context.console.line("  started \(registration.createdAt)" + (registration.decidedAt.map { ", decided \($0) by \(registration.decidedBy ?? "-")" } ?? ""))
            if member == nil { context.console.line("  no member record has this number") }
            for line in comparison.lines { context.console.line(line) }
        }
    }

    struct Decide: AsyncCommand {
        let services: PortalServices

        struct Signature: CommandSignature {
            @Argument(name: "id", help: "the registration id")
            var id: String
            @Option(name: "operator", help: OperatorName.help)
            var operatorName: String?
        }
        let approve: Bool
        var help: String { approve ? "Approves a registration in review: the account becomes active." : "Rejects a registration in review." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let actor = try OperatorName.actor(option: signature.operatorName)
            guard let id = UUID(uuidString: signature.id) else { throw UsageError(description: "'\(signature.id)' is not a registration id") }
            try await RegistrationReview.decide(id, approve: approve, on: services.database.db, at: services.clock.now(), actor: actor, jobs: services.jobs,
                                               retiredCards: services.tokens.retiredCards)
            context.console.line("registration \(id): \(approve ? "approved, account active" : "rejected")")
        }
    }
}
