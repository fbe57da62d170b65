import Foundation
import Testing
import PortalMail

/// Delivery to a real SMTP server (aiosmtpd) whose Python e-mail parser
/// reads back what we sent.
struct SMTPDeliveryTests {
    @Test func plainDeliveryArrivesWithEnvelopeHeadersAndBody() async throws {
        let server = try await SMTPTestServer()
        defer { server.stop() }
        let mailer = SMTPMailer(configuration: Fixtures.configuration(port: server.port))

        try await mailer.send(try Fixtures.message())

        let received = try server.received()
        try #require(received.count == 1)
        let mail = received[0]
        #expect(mail.envelope_from == "noreply@portal.test")
        #expect(mail.envelope_to == ["mitglied@members.test"])
        #expect(mail.subject == "Neue Nachricht im Portal")
        #expect(mail.from == "Versorgungswerk <noreply@portal.test>")
        #expect(mail.message_id == "<notify-4711@portal.test>")
        #expect(mail.date == "Wed, 12 Aug 2026 09:05:03 +0000")
        #expect(mail.mime_version == "1.0")
        #expect(mail.content_type == "text/plain")
        #expect(mail.charset == "utf-8")
        #expect(normalised(mail.body) == "Guten Tag,\nim Portal liegt eine neue Nachricht für Sie.\n")
        #expect(mail.defects.isEmpty)
        #expect(mail.tls == false)
    }

    @Test func utf8SubjectAndBodyDecodeExactly() async throws {
        let server = try await SMTPTestServer()
        defer { server.stop() }
        let subject = "ÄÖÜ ß € ğ ł – Ihre Bescheinigung für das Jahr 2026 steht im Portal des Versorgungswerks bereit"
        let body = "Grüße aus Köln: ÄÖÜ äöü ß € ğ ł\nZeile mit = und Leerzeichen am Ende \n"

        try await SMTPMailer(configuration: Fixtures.configuration(port: server.port))
            .send(try Fixtures.message(subject: subject, body: body, fromName: "Versorgungswerk für Ärzte"))

        let mail = try #require(try server.received().first)
        #expect(mail.subject == subject)
        #expect(mail.from == "Versorgungswerk für Ärzte <noreply@portal.test>")
        #expect(normalised(mail.body) == body)
        #expect(mail.defects.isEmpty)
        #expect(try server.rawMessage(1).contains("=?utf-8?B?"))
    }

    @Test func linesStartingWithDotSurviveDotStuffing() async throws {
        let server = try await SMTPTestServer()
        defer { server.stop() }
        let body = "Oben\n.\n.Punkt am Anfang\n..zwei Punkte\nUnten\n"

        try await SMTPMailer(configuration: Fixtures.configuration(port: server.port))
            .send(try Fixtures.message(body: body))

        let received = try server.received()
        try #require(received.count == 1)
        #expect(normalised(received[0].body) == body)
    }

    @Test func theSameMessageIDIsSentAgainOnRetrySoReceiversCanDropTheCopy() async throws {
        let server = try await SMTPTestServer()
        defer { server.stop() }
        let mailer = SMTPMailer(configuration: Fixtures.configuration(port: server.port))
        let message = try Fixtures.message(messageID: "outbox-key-42@portal.test")

        try await mailer.send(message)
        try await mailer.send(message)

        let ids = try server.received().map(\.message_id)
        #expect(ids == ["<outbox-key-42@portal.test>", "<outbox-key-42@portal.test>"])
    }

    private func normalised(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n")
    }
}
