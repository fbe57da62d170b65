import Fluent
import Foundation
import PortalDomain
import Vapor
import PortalCore
import PortalWeb

/// The help page's contact form: signed-in members send a question or an
/// improvement suggestion; it waits in the back office (`portal contact`)
/// and the member gets a receipt in the inbox. Visitors who are not signed
/// in see the fund's e-mail address and telephone number instead, so the
/// form is never an anonymous channel.
package struct ContactController: RouteCollection {
    package let clock: any PortalClock
    package let fund: FundProfile

    package static let maximumCharacters = 4_000

    package func boot(routes: any RoutesBuilder) throws {
        routes.grouped(RequireAccountMiddleware()).post(SiteURL.contact.components, use: send)
    }

    package func send(req: Request) async throws -> Response {
        let scope = try req.memberScope()
        let memberID = scope.memberID
        let input = try req.content.decode(ContactInput.self)
        let text = (input.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var problems: [HelpContext.Problem] = []
        let topic = input.topic.flatMap(ContactMessage.Topic.init(rawValue:))
        if topic == nil { problems.append(.init(field: "topic-question", key: "help.contact.error.topic")) }
        if text.isEmpty || text.count > Self.maximumCharacters { problems.append(.init(field: "contact-text", key: "help.contact.error.text")) }
        if FormText.hasControlCharacters(text, allowingLineBreaks: true) { problems.append(.init(field: "contact-text", key: "help.contact.error.textControl")) }
        guard let topic, problems.isEmpty else {
            return try await HelpContext.render(req, fund: fund, input: input, problems: problems, status: .unprocessableEntity)
        }
        let now = clock.now()
        try await scope.db.writeTransaction { db in
            let owned = scope.on(db)
            let message = owned.newContactMessage()
            message.id = UUID()
            message.topic = topic
            message.text = text
            message.state = .new
            message.createdAt = now
            try await message.create(on: db)
            try await owned.postInbox(.contactReceived, at: now)
            try await AuditLog.record(on: db, at: now, actor: AuditLog.actor(of: req),
                                      action: "contact.sent", memberID: memberID,
                                      detail: ["message": message.id!.uuidString, "topic": topic.rawValue])
        }
        return req.redirect(to: SiteURL.help.path(query: ["gesendet": "1"], fragment: "kontakt"))
    }

    package init(clock: any PortalClock, fund: FundProfile) {
        self.clock = clock
        self.fund = fund
    }
}

package struct ContactInput: Content {
    package var topic: String?
    package var text: String?
}

extension HelpContext {
    package struct Problem: Encodable {
        package let field: String
        package let key: String
    }

    /// The help page; the form is offered to signed-in members with an account.
    package static func render(_ req: Request, fund: FundProfile, input: ContactInput? = nil, problems: [Problem] = [], status: HTTPStatus = .ok) async throws -> Response {
        let session = req.currentSession
        let canWrite = session?.isSignedIn == true && session?.accountID != nil
        let sent = canWrite && req.query[String.self, at: "gesendet"] == "1"
        let page = PageContext(req, titleKey: "help.title", noticeKey: sent ? "help.contact.sent" : nil)
        let form = canWrite ? ContactForm(topic: input?.topic ?? "", text: input?.text ?? "", problems: problems,
                                          maximum: ContactController.maximumCharacters) : nil
        let context = HelpContext(page: page, fund: fund, contact: form)
        return req.respond(page: page, status: status, content: HelpPage.content(context, req.texts))
    }

    package struct ContactForm: Encodable {
        package let topic: String
        package let text: String
        package let problems: [Problem]
        package let maximum: Int
    }
}
