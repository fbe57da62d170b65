import Fluent
import Foundation
import PortalDomain
import PortalMail
import Vapor
import PortalCore
import PortalWeb

/// The profile's notification settings with double opt-in: a new address is
/// used only after the link sent to it is confirmed (single use, 24 hours);
/// the old address is told about the change.
package struct NotificationsController: RouteCollection {
    package let configuration: PortalConfiguration
    package let clock: any PortalClock
    package let jobs: JobsService
    package let tokens: TokenKeys

    package func boot(routes: any RoutesBuilder) throws {
        routes.grouped(RequireAccountMiddleware()).post(SiteURL.notificationSettings.components, use: save)
        routes.get(SiteURL.confirmEmail.components, use: confirmPage)
        routes.post(SiteURL.confirmEmail.components, use: confirm)
    }

    package func save(req: Request) async throws -> Response {
        let scope = try req.memberScope()
        let memberID = scope.memberID
        let input = try req.content.decode(NotificationInput.self)
        let email = input.email?.trimmingCharacters(in: .whitespaces) ?? ""
        guard email.isEmpty || MailAddress.isValidRecipient(email) else {
            return try await ProfileRendering.render(req, problem: "notifications.error.email", input: input, status: .unprocessableEntity)
        }
        let now = clock.now()
        let jobs = self.jobs
        let hasher = tokens.emailTokens
        let baseURL = configuration.baseURL
        let mailLimit = ActionLimit(name: "confirmation-mails", limit: configuration.confirmationMailsPerDay, window: 86_400)
        // Keyed hash: the counter table never holds an address in clear.
        let addressKey = hasher.hash("confirmation mails to:" + email.lowercased())
        let limitedFor = try await scope.db.writeTransaction { db -> Int? in
            let owned = scope.on(db)
            try await owned.lock()
            let setting = try await owned.notificationSettingOrNew()
            setting.notify = input.notify == "ja"
            setting.updatedAt = now
            if !email.isEmpty, email.lowercased() != setting.email?.lowercased() {
                // Whoever types a stranger's address cannot flood that person with mails.
                if case .limited(let retryAfter) = try await mailLimit.count(addressKey, at: now, on: db) { return retryAfter }
                let token = TokenHasher.randomToken()
                setting.pendingEmail = email
                setting.tokenHash = hasher.hash(token)
                setting.tokenExpiresAt = now.addingTimeInterval(24 * 3600)
                let link = baseURL.appendingPathComponent(SiteURL.confirmEmail.path).absoluteString + "?token=\(token)"
                try await jobs.enqueue(PortalJobKinds.mailSend, payload: PortalMails.Payload(kind: .confirmAddress, to: email, link: link, memberID: memberID),
                                       key: "mail-confirm-\(UUID().uuidString)", on: db)
                try await AuditLog.record(req, action: "notifications.address.pending", memberID: memberID, on: db)
            } else if email.isEmpty, let old = setting.email {
                setting.email = nil
                try await jobs.enqueue(PortalJobKinds.mailSend, payload: PortalMails.Payload(kind: .addressChanged, to: old, link: nil, memberID: memberID),
                                       key: "mail-changed-\(UUID().uuidString)", on: db)
                try await AuditLog.record(req, action: "notifications.address.removed", memberID: memberID, on: db)
            }
            try await setting.save(on: db)
            return nil
        }
        if let limitedFor {
            let response = try await ProfileRendering.render(req, problem: "notifications.error.mailLimit", input: input, status: .tooManyRequests)
            response.headers.replaceOrAdd(name: .retryAfter, value: String(limitedFor))
            return response
        }
        jobs.worker.wake()
        return req.redirect(to: SiteURL.profile.path(query: ["gespeichert": "1"]))
    }

    /// Opening the link only shows a button: confirming changes state, so it is a POST.
    package func confirmPage(req: Request) async throws -> Response {
        let token = req.query[String.self, at: "token"] ?? ""
        _ = try await req.csrfToken()
        let page = PageContext(req, titleKey: "notifications.confirmTitle")
        return req.respond(page: page, content: AccountPages.confirmEmail(token: token, csrf: page.csrf, req.texts))
    }

    package func confirm(req: Request) async throws -> Response {
        let token = (try? req.content.get(String.self, at: "token")) ?? ""
        let now = clock.now()
        guard TokenHasher.isWellFormed(token),
              let setting = try await NotificationSetting.query(on: req.db).filter(\.$tokenHash == tokens.emailTokens.hash(token)).first(),
              let pending = setting.pendingEmail, let expires = setting.tokenExpiresAt, expires > now
        else {
            let page = PageContext(req, titleKey: "notifications.confirmTitle", noticeKey: "notifications.confirmInvalid")
            return req.respond(page: page, status: .gone, content: AccountPages.confirmEmail(token: nil, csrf: page.csrf, req.texts))
        }
        let jobs = self.jobs
        let (settingID, memberID, spentHash) = (setting.id, setting.memberID, setting.tokenHash)
        try await req.db.writeTransaction { db in
            // Read again under the member's lock: a double click confirms once,
            // the second finds the token spent (one inbox message, one mail).
            try await db.lockMember(memberID)
            guard let setting = try await NotificationSetting.find(settingID, on: db), setting.tokenHash == spentHash,
                  setting.pendingEmail == pending else { return }
            if let old = setting.email, old.lowercased() != pending.lowercased() {
                try await jobs.enqueue(PortalJobKinds.mailSend, payload: PortalMails.Payload(kind: .addressChanged, to: old, link: nil,
                                                                                             memberID: setting.memberID),
                                       key: "mail-changed-\(UUID().uuidString)", on: db)
            }
            setting.email = pending
            setting.pendingEmail = nil
            setting.tokenHash = nil
            setting.tokenExpiresAt = nil
            setting.lastNotifiedAt = now
            setting.updatedAt = now
            try await setting.save(on: db)
            try await Inbox.post(.emailConfirmed, to: setting.memberID, on: db, at: now)
            try await AuditLog.record(req, action: "notifications.address.confirmed", memberID: setting.memberID, on: db)
        }
        jobs.worker.wake()
        let page = PageContext(req, titleKey: "notifications.confirmTitle", noticeKey: "notifications.confirmed")
        return req.respond(page: page, content: AccountPages.confirmEmail(token: nil, csrf: page.csrf, req.texts))
    }

    package init(configuration: PortalConfiguration, clock: any PortalClock, jobs: JobsService, tokens: TokenKeys) {
        self.configuration = configuration
        self.clock = clock
        self.jobs = jobs
        self.tokens = tokens
    }
}

package struct NotificationInput: Content {
    package var email: String?
    package var notify: String?
}
