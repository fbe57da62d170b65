import Foundation
import PortalDomain
import PortalJobs
import PortalMail
import Vapor

/// Every e-mail the portal sends. None carries a name, an amount, a
/// document title or any other personal data: only that there is something
/// in the portal, and the portal's link (the way ELSTER does it).
package enum PortalMails {
    package enum Kind: String, Codable, Sendable, CaseIterable {
        case newContent, confirmAddress, addressChanged, cardChanged, bankDetailsChanged
    }

    package struct Payload: Codable, Sendable, MemberJobPayload {
        package let kind: Kind
        package let to: String
        /// Only for `confirmAddress`: the one-time link.
        package let link: String?
        /// Only for `cardChanged` and `bankDetailsChanged`: when the card was linked or the application sent.
        package var changedAt: Date? = nil
        /// The member the mail is about, so termination finds and deletes it (jobs.subject).
        package var memberID: UUID? = nil

        package init(kind: Kind, to: String, link: String? = nil, changedAt: Date? = nil, memberID: UUID? = nil) {
            self.kind = kind
            self.to = to
            self.link = link
            self.changedAt = changedAt
            self.memberID = memberID
        }
    }

    /// German first, then English, in one mail (the address has no language
    /// of its own); the texts are the catalogue's `mail.<kind>.subject/body`.
    package static func text(_ payload: Payload, fund: FundProfile, baseURL: URL,
                     catalogue: LocalizationCatalogue) -> (subject: String, body: String) {
        let portal = baseURL.absoluteString
        let arguments: (LocalizationCatalogue.Language) -> [String] = { language in
            switch payload.kind {
            case .newContent: [portal]
            case .confirmAddress: [payload.link ?? portal]
            case .addressChanged: []
            case .cardChanged, .bankDetailsChanged: [payload.changedAt.map { Format.date($0, language) } ?? "-", fund.phone]
            }
        }
        let key = "mail.\(payload.kind.rawValue)"
        let subject = catalogue.text("\(key).subject", .de) + " / " + catalogue.text("\(key).subject", .en)
        let body = catalogue.text("\(key).body", .de, arguments(.de)) + "\n\n" + catalogue.text("\(key).body", .en, arguments(.en))
            + "\n\n\(fund.name)\n"
        return (subject, body)
    }

    /// The outbox job: one mail, Message-ID from the job's idempotency key so
    /// a retry after a crash is recognisable as the same mail.
    ///
    /// The side-effect ledger records the delivery right after the server
    /// accepted it: a worker killed after that point leaves a job that runs
    /// again, finds the key and sends nothing. (Not inside one transaction
    /// with the send: on SQLite that would hold the only write lock for the
    /// length of an SMTP conversation.) A worker killed before the server's
    /// acceptance leaves no mail behind, and the next attempt delivers it.
    package struct Sending {
        package let database: PortalDatabase
        package let clock: any PortalClock
        package let configuration: PortalConfiguration
        package let catalogue: LocalizationCatalogue
        package let mailer: any Mailer

        package func send(_ context: JobContext) async throws {
            let payload = try context.decodePayload(Payload.self)
            let config = configuration
            let (subject, body) = text(payload, fund: config.fund, baseURL: config.baseURL, catalogue: catalogue)
            let message = try MailMessage(from: try MailAddress(config.mailFrom, displayName: config.fund.name), to: [try MailAddress(payload.to)],
                                          subject: subject, body: body, messageID: messageID(of: context.job, host: host(config)), date: clock.now())
            let ledgerKey = "mail:\(localPart(of: context.job))"
            let sql = try database.db.requireSQL()
            guard try await !SideEffectLedger.contains(ledgerKey, on: sql) else { return }
            try await mailer.send(message)
            try await context.once(key: ledgerKey) { _ in }
        }
    }

    /// The job's idempotency key as a Message-ID: the same job always names the same mail (and mail file).
    package static func messageID(of job: Job, host: String) -> String {
        "\(localPart(of: job))@\(host)"
    }

    package static func host(_ config: PortalConfiguration) -> String { config.baseURL.host ?? "portal.invalid" }

    fileprivate static func localPart(of job: Job) -> String {
        String((job.idempotencyKey ?? "job-\(job.id)").map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "-" })
    }
}

/// The file mailer's folder, where every mail stays as a file: what
/// pruning and termination delete besides the jobs.
package struct MailOutbox: Sendable {
    package let files: FileMailer
    package let host: String

    package func messageID(of job: Job) -> String { PortalMails.messageID(of: job, host: host) }
}

extension PortalMails {
    package static func makeMailer(_ configuration: PortalConfiguration) -> any Mailer {
        guard let host = configuration.smtpHost else {
            return FileMailer(directory: configuration.dataDirectory.appendingPathComponent("mail"))
        }
        let security: SMTPConfiguration.Security = switch configuration.smtpSecurity {
        case .none: .none
        case .tls: .implicitTLS
        case .starttls: .startTLS
        }
        return SMTPMailer(configuration: SMTPConfiguration(
            host: host, port: configuration.smtpPort, security: security,
            username: configuration.smtpUsername, password: configuration.smtpPassword,
            heloName: configuration.baseURL.host ?? "localhost"))
    }
}
