import Foundation
import PortalMail

enum Fixtures {
    /// 2026-08-12 09:05:03 UTC, a Wednesday: the injected clock's value.
    static let date = Date(timeIntervalSince1970: 1_786_525_503)

    static func message(
        subject: String = "Neue Nachricht im Portal",
        body: String = "Guten Tag,\nim Portal liegt eine neue Nachricht für Sie.\n",
        messageID: String = "notify-4711@portal.test",
        fromName: String? = "Versorgungswerk"
    ) throws -> MailMessage {
        try MailMessage(
            from: MailAddress("noreply@portal.test", displayName: fromName),
            to: [MailAddress("mitglied@members.test")],
            subject: subject, body: body, messageID: messageID, date: date)
    }

    /// Plain SMTP to the test server on loopback, with short timeouts so a
    /// broken test fails fast instead of hanging.
    static func configuration(
        port: Int, host: String = "127.0.0.1", security: SMTPConfiguration.Security = .none,
        username: String? = nil, password: String? = nil,
        authMechanism: SMTPConfiguration.AuthMechanism = .automatic,
        trusting certificate: TestCertificate? = nil
    ) -> SMTPConfiguration {
        SMTPConfiguration(
            host: host, port: port, security: security, username: username, password: password,
            authMechanism: authMechanism,
            tlsVerification: certificate.map { .trustedCertificateAuthorityPEM($0.pem) } ?? .full,
            timeouts: .init(connect: .seconds(5), command: .seconds(10), messageAccepted: .seconds(10)),
            heloName: "portal.test")
    }

    /// Runs `body` and returns the `SMTPError` it threw, or nil.
    static func smtpError(_ body: () async throws -> Void) async -> SMTPError? {
        do {
            try await body()
            return nil
        } catch let error as SMTPError {
            return error
        } catch {
            return SMTPError(.permanent, stage: .configuration, detail: "unexpected error type: \(error)")
        }
    }
}
