import Fluent
import Foundation
import Vapor

/// `portal contact list|show|done`: the back office's view of the help
/// page's contact form until the back office has its own pages.
struct ContactCommand: AsyncCommandGroup {
    var help: String { "Questions and suggestions members sent through the help page." }
    var commands: [String: any AnyAsyncCommand] { ["list": List(), "show": Show(), "done": Done()] }

    static func find(_ text: String, on db: any Database) async throws -> ContactMessage {
        guard let id = UUID(uuidString: text) else { throw UsageError(description: "'\(text)' is not a message id") }
        guard let message = try await ContactMessage.find(id, on: db) else { throw UsageError(description: "no contact message \(id.uuidString)") }
        return message
    }

    static func memberNumber(_ message: ContactMessage, on db: any Database) async throws -> String {
        try await Member.find(message.memberID, on: db)?.memberNumber ?? "?"
    }

    struct List: AsyncCommand {
        struct Signature: CommandSignature {
            @Flag(name: "all", help: "handled messages too")
            var all: Bool
        }

        var help: String { "Lists contact messages, oldest first: id, date, member number, topic, state, first words." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let db = context.application.db
            var query = ContactMessage.query(on: db).sort(\.$createdAt, .ascending)
            if !signature.all { query = query.filter(\.$state == .new) }
            let messages = try await query.all()
            let members = try await Member.query(on: db).filter(\.$id ~~ Set(messages.map(\.memberID))).all()
            let numbers = Dictionary(uniqueKeysWithValues: members.compactMap { member in member.id.map { ($0, member.memberNumber) } })
            for message in messages {
                let number = numbers[message.memberID] ?? "?"
                let preview = message.text.replacingOccurrences(of: "\n", with: " ").prefix(60)
                context.console.print("\(message.id?.uuidString ?? "")  \(Format.date(message.createdAt, .de)) \(Format.time(message.createdAt, .de))  \(number)  \(message.topic.rawValue)  \(message.state.rawValue)  \(preview)")
            }
            context.console.print("\(messages.count) message(s)")
        }
    }

    struct Show: AsyncCommand {
        struct Signature: CommandSignature {
            @Argument(name: "id", help: "the id `portal contact list` prints")
            var id: String
        }

        var help: String { "Prints one contact message in full." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let db = context.application.db
            let message = try await ContactCommand.find(signature.id, on: db)
            context.console.print("member:  \(try await ContactCommand.memberNumber(message, on: db))")
            context.console.print("topic:   \(message.topic.rawValue)")
            context.console.print("sent:    \(Format.date(message.createdAt, .de)) \(Format.time(message.createdAt, .de))")
            context.console.print("state:   \(message.state.rawValue)")
            context.console.print("")
            context.console.print(message.text)
        }
    }

    struct Done: AsyncCommand {
        struct Signature: CommandSignature {
            @Argument(name: "id", help: "the id `portal contact list` prints")
            var id: String
        }

        var help: String { "Marks a contact message as handled." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let app = context.application
            let message = try await ContactCommand.find(signature.id, on: app.db)
            let now = app.portal.clock.now()
            try await ContactCommand.markHandled(message, at: now, on: app.db)
            context.console.print("contact message \(signature.id) handled")
        }
    }

    static func markHandled(_ message: ContactMessage, at now: Date, on db: any Database) async throws {
        guard message.state == .new else { return }
        try await db.transaction { tx in
            message.state = .handled
            message.handledAt = now
            try await message.save(on: tx)
            try await AuditLog.record(on: tx, at: now, actor: "operator:cli", action: "contact.handled", memberID: message.memberID,
                                      detail: ["message": try message.requireID().uuidString])
        }
    }
}
