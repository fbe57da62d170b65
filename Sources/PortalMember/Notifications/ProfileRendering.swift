import Fluent
import Vapor
import NIOPosix
import PortalCore
import PortalWeb

/// The profile page: personal data (read-only) and the notification settings form.
package enum ProfileRendering {
    package static func render(_ req: Request, problem: String? = nil, input: NotificationInput? = nil, status: HTTPStatus = .ok) async throws -> Response {
        let signedIn = try req.requireMember()
        let member = signedIn.member
        let setting = try await req.memberScope().notificationSetting()
        try await AuditLog.record(on: req.db, at: req.clock.now(), actor: AuditLog.actor(of: req),
                                  action: "profile.view", memberID: member.id)
        let saved = req.query[String.self, at: "gespeichert"] != nil
        let context = ProfileContext(
            page: PageContext(req, titleKey: "profile.title", memberName: member.displayName, noticeKey: saved ? "notifications.saved" : nil),
            member: .init(member, language: req.language),
            email: input?.email ?? setting?.email ?? "",
            pendingEmail: setting?.pendingEmail,
            notify: input.map { $0.notify == "ja" } ?? (setting?.notify ?? false),
            problemKey: problem)
        return req.respond(page: context.page, status: status, content: ProfilePage.content(context, req.texts))
    }
}

/// Development only: the mails the file mailer wrote, so the confirmation
/// link can be clicked in the embedded default. 404 in production.
package struct DevMailboxController: RouteCollection {
    package let configuration: PortalConfiguration

    package func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.devMailbox.components, use: list)
    }

    package func list(req: Request) async throws -> Response {
        let directory = configuration.dataDirectory.appendingPathComponent("mail")
        // File reads on NIO's blocking pool, not on the event loop.
        let mails = try await NIOThreadPool.singleton.runIfActive {
            let files = ((try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: [.contentModificationDateKey])) ?? [])
                .filter { $0.pathExtension == "eml" }
                .sorted { (try? $0.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate ?? .distantPast) ?? .distantPast
                        > (try? $1.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate ?? .distantPast) ?? .distantPast }
            return files.prefix(50).map { url in
                DevMailboxContext.Mail(name: url.lastPathComponent, text: DevMailboxContext.decode(String(decoding: (try? Data(contentsOf: url)) ?? Data(), as: UTF8.self)))
            }
        }
        let page = PageContext(req, titleKey: "devMailbox.title")
        return req.respond(page: page, content: AccountPages.devMailbox(Array(mails), req.texts))
    }

    package init(configuration: PortalConfiguration) {
        self.configuration = configuration
    }
}

package struct DevMailboxContext: Encodable {
    package let page: PageContext
    package let mails: [Mail]

    package struct Mail: Encodable {
        package let name: String
        package let text: String
    }

    /// Shows the quoted-printable body readably (soft breaks joined, =XX decoded).
    package static func decode(_ raw: String) -> String {
        let joined = raw.replacingOccurrences(of: "=\r\n", with: "").replacingOccurrences(of: "\r\n", with: "\n")
        var bytes: [UInt8] = []
        var scalars = Array(joined.utf8)[...]
        while let byte = scalars.popFirst() {
            if byte == UInt8(ascii: "="), scalars.count >= 2,
               let value = UInt8(String(decoding: scalars.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                scalars = scalars.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
