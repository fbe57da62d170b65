import Foundation
import Testing
import PortalMail

struct FileMailerTests {
    @Test func writesAnEmlFileThatAMailParserReads() async throws {
        let directory = try TestFiles.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let mailer = FileMailer(directory: directory.appendingPathComponent("outbox"))
        let subject = "Bitte bestätigen Sie Ihre E-Mail-Adresse – ÄÖÜ ß € ğ ł"
        let body = "Bestätigungslink:\nhttps://portal.test/email/confirm?token=abc\n.\nEnde\n"

        try await mailer.send(try Fixtures.message(subject: subject, body: body, messageID: "confirm-1@portal.test"))

        let file = directory.appendingPathComponent("outbox/confirm-1@portal.test.eml")
        let json = try TestFiles.run(["python3", TestFiles.script("smtp_test_server.py").path, "parse", file.path])
        let mail = try JSONDecoder().decode(SMTPTestServer.Received.self, from: Data(json.utf8))
        #expect(mail.subject == subject)
        #expect(mail.body.replacingOccurrences(of: "\r\n", with: "\n") == body)
        #expect(mail.message_id == "<confirm-1@portal.test>")
        #expect(mail.defects.isEmpty)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("outbox").path)
        #expect(leftovers == ["confirm-1@portal.test.eml"], "no temporary files remain")
    }

    @Test func messageIDCannotLeaveTheDirectory() async throws {
        let directory = try TestFiles.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let outbox = directory.appendingPathComponent("outbox")

        try await FileMailer(directory: outbox).send(try Fixtures.message(messageID: "../../etc/x@portal.test"))

        #expect(try FileManager.default.contentsOfDirectory(atPath: outbox.path) == ["_._.._etc_x@portal.test.eml"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["outbox"])
    }
}
