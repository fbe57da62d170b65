import Fluent
import Foundation
import PortalDomain

/// Tells members with confirmed addresses that something new is waiting:
/// one mail per quiet period however many messages arrived in it.
package struct NotificationDispatch {
    package let database: PortalDatabase
    package let clock: any PortalClock
    package let quietPeriod: TimeInterval
    package let jobs: JobsService

    package func run() async throws {
        let now = clock.now()
        let quiet = quietPeriod
        let settings = try await NotificationSetting.query(on: database.db).filter(\.$notify == true).filter(\.$email != nil).all()
        for setting in settings {
            let since = setting.lastNotifiedAt ?? .distantPast
            guard now.timeIntervalSince(since) >= quiet, let email = setting.email else { continue }
            let unseen = try await InboxMessage.query(on: database.db).filter(\.$memberID == setting.memberID)
                .filter(\.$createdAt > since).filter(\.$readAt == nil).count()
            guard unseen > 0 else { continue }
            try await database.db.writeTransaction { db in
                setting.lastNotifiedAt = now
                try await setting.save(on: db)
                try await jobs.enqueue(PortalJobKinds.mailSend, payload: PortalMails.Payload(kind: .newContent, to: email, link: nil, memberID: setting.memberID),
                                           key: "mail-new-\(setting.memberID.uuidString)-\(Int(now.timeIntervalSince1970))", on: db)
            }
        }
    }
}
