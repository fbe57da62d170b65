import Fluent
import Foundation
import Vapor
import PortalCore
import PortalWeb
import PortalMember
import PortalBackOffice

/// `portal contact list|show|done`: the back office's view of the help
/// page's contact form until the back office has its own pages.
struct ContactCommand: AsyncCommandGroup {
    let services: PortalServices
    var help: String { "Questions and suggestions members sent through the help page." }
    var commands: [String: any AnyAsyncCommand] { ["list": List(services: services), "show": Show(services: services), "done": Done(services: services)] }

    static func find(_ text: String, on db: any Database) async throws -> ContactMessage {
        guard let id = UUID(uuidString: text) else { throw UsageError(description: "'\(text)' is not a message id") }
        guard let message = try await ContactMessage.find(id, on: db) else { throw UsageError(description: "no contact message \(id.uuidString)") }
        return message
    }

    static func memberNumber(_ message: ContactMessage, on db: any Database) async throws -> String {
        try await Member.find(message.memberID, on: db)?.memberNumber ?? "?"
    }

    struct List: AsyncCommand {
        let services: PortalServices

        struct Signature: CommandSignature {
            @Flag(name: "all", help: "handled messages too")
            var all: Bool
            @Option(name: "operator", help: OperatorName.help)
            var operatorName: String?
        }

        var help: String { "Lists contact messages, oldest first: id, date, member number, topic, state, first words." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let actor = try OperatorName.actor(option: signature.operatorName)
            var query = ContactMessage.query(on: services.database.db).sort(\.$createdAt, .ascending)
            if !signature.all { query = query.filter(\.$state == .new) }
            let messages = try await query.all()
            let members = try await Member.query(on: services.database.db).filter(\.$id ~~ Set(messages.map(\.memberID))).all()
            let numbers = Dictionary(uniqueKeysWithValues: members.compactMap { member in member.id.map { ($0, member.memberNumber) } })
            // The read is on record before anything is shown: one entry per member whose words are listed.
            let perMember = Dictionary(grouping: messages, by: \.memberID)
            try await services.database.db.transaction { db in
                for (memberID, listed) in perMember {
                    try await AuditLog.record(on: db, at: services.clock.now(), actor: actor, action: "contact.list", memberID: memberID,
                                              detail: ["messages": "\(listed.count)"])
                }
            }
            for message in messages {
                let number = numbers[message.memberID] ?? "?"
                let preview = String(message.text.replacingOccurrences(of: "\n", with: " ").prefix(60))
                context.console.line("\(message.id?.uuidString ?? "")  \(Format.date(message.createdAt, .de)) \(Format.time(message.createdAt, .de))  \(number)  \(message.topic.rawValue)  \(message.state.rawValue)  \(preview)")
            }
            context.console.line("\(messages.count) message(s)")
        }
    }

    struct Show: AsyncCommand {
        let services: PortalServices

        struct Signature: CommandSignature {
            @Argument(name: "id", help: "the id `portal contact list` prints")
            var id: String
            @Option(name: "operator", help: OperatorName.help)
            var operatorName: String?
        }

        var help: String { "Prints one contact message in full." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let actor = try OperatorName.actor(option: signature.operatorName)
            let message = try await ContactCommand.find(signature.id, on: services.database.db)
            try await AuditLog.record(on: services.database.db, at: services.clock.now(), actor: actor, action: "contact.show", memberID: message.memberID,
                                      detail: ["message": try message.requireID().uuidString])
            Self.print(message, memberNumber: try await ContactCommand.memberNumber(message, on: services.database.db), to: context.console)
        }

        static func print(_ message: ContactMessage, memberNumber: String, to console: any Console) {
            console.line("member:  \(memberNumber)")
            console.line("topic:   \(message.topic.rawValue)")
            console.line("sent:    \(Format.date(message.createdAt, .de)) \(Format.time(message.createdAt, .de))")
            console.line("state:   \(message.state.rawValue)")
            console.line("")
            console.line(message.text, keepingLineBreaks: true)
        }
    }

    struct Done: AsyncCommand {
        let services: PortalServices

        struct Signature: CommandSignature {
            @Argument(name: "id", help: "the id `portal contact list` prints")
            var id: String
            @Option(name: "operator", help: OperatorName.help)
            var operatorName: String?
        }

        var help: String { "Marks a contact message as handled." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let actor = try OperatorName.actor(option: signature.operatorName)
            let message = try await ContactCommand.find(signature.id, on: services.database.db)
            try await ContactHandling(database: services.database.db, clock: services.clock).markHandled(message.requireID(), actor: actor)
            context.console.line("contact message \(signature.id) handled")
        }
    }
}
