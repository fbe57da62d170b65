import Foundation
import Testing
@testable import PortalMail

struct MIMEBuilderTests {
    private func render(_ message: MailMessage) -> String {
        String(decoding: MIMEBuilder().build(message), as: UTF8.self)
    }

    @Test func everyLineEndsWithCRLFAndFitsSMTPLimits() throws {
        let message = try Fixtures.message(body: String(repeating: "Versorgungswerk ", count: 200) + "\nZweite Zeile\r\nDritte\r")
        let octets = MIMEBuilder().build(message)

        let text = String(decoding: octets, as: UTF8.self)
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\r"))
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.utf8.count <= 998 })
        #expect(octets.allSatisfy { $0 < 0x80 }, "7-bit clean, needs no 8BITMIME")
    }

    @Test func headersCarryMIMEMessageIDAndRFC5322Date() throws {
        let text = render(try Fixtures.message(messageID: "<notify-4711@portal.test>"))

        let head = text.components(separatedBy: "\r\n\r\n")[0].components(separatedBy: "\r\n")
        #expect(head.contains("Date: Wed, 12 Aug 2026 09:05:03 +0000"))
        #expect(head.contains("Message-ID: <notify-4711@portal.test>"))
        #expect(head.contains("MIME-Version: 1.0"))
        #expect(head.contains("Content-Type: text/plain; charset=utf-8"))
        #expect(head.contains("Content-Transfer-Encoding: quoted-printable"))
        #expect(head.contains("From: \"Versorgungswerk\" <noreply@portal.test>"))
        #expect(head.contains("To: <mitglied@members.test>"))
    }

    @Test func utf8SubjectBecomesEncodedWordsOfAtMost75Characters() throws {
        let subject = String(repeating: "Neue Nachricht ÄÖÜ ß € ğ ł ", count: 6)
        let text = render(try Fixtures.message(subject: subject))

        let head = text.components(separatedBy: "\r\n\r\n")[0]
        let subjectField = head.components(separatedBy: "\r\nMessage-ID")[0]
            .components(separatedBy: "Subject: ")[1]
        let words = subjectField.components(separatedBy: "\r\n ")
        #expect(words.count > 3)
        #expect(words.allSatisfy { $0.hasPrefix("=?utf-8?B?") && $0.hasSuffix("?=") && $0.count <= 75 })
        let decoded = words.map { word -> String in
            let payload = word.dropFirst(10).dropLast(2)
            return String(decoding: Data(base64Encoded: String(payload)) ?? Data(), as: UTF8.self)
        }.joined()
        #expect(decoded == subject)
    }

    @Test func plainASCIISubjectStaysReadable() throws {
        let text = render(try Fixtures.message(subject: "Neue Nachricht im Portal"))
        #expect(text.contains("\r\nSubject: Neue Nachricht im Portal\r\n"))
    }

    @Test(arguments: ["Hallo\r\nBcc: opfer@victim.test", "Hallo\nBcc: x@y.test", "Hallo\rX: y", "Null\u{0}Byte"])
    func lineBreaksInSubjectAreRejected(subject: String) {
        #expect(throws: MailMessageError.controlCharacterInHeader(field: "Subject")) {
            try Fixtures.message(subject: subject)
        }
    }

    @Test func lineBreaksInDisplayNameAreRejected() {
        #expect(throws: MailMessageError.controlCharacterInHeader(field: "display name")) {
            try MailAddress("noreply@portal.test", displayName: "Portal\r\nBcc: x@y.test")
        }
    }

    @Test(arguments: ["a@b.test\r\nRCPT TO:<x@y.test>", "a@b.test>", "no-at-sign", "zwei@@b.test", "ä@b.test", ""])
    func forgedOrMalformedAddressesAreRejected(address: String) {
        #expect(throws: MailMessageError.invalidAddress) { try MailAddress(address) }
    }

    @Test(arguments: ["key\r\nBcc: x@y.test", "no-domain", "<a@b> c"])
    func malformedMessageIDsAreRejected(id: String) {
        #expect(throws: MailMessageError.invalidMessageID) { try Fixtures.message(messageID: id) }
    }

    @Test func quotedPrintableEncodesUmlautsEqualsSignAndTrailingBlanks() {
        let encoded = QuotedPrintable.encode("Grüße = 100 € \nEnde\t")
        #expect(encoded == "Gr=C3=BC=C3=9Fe =3D 100 =E2=82=AC=20\r\nEnde=09")
    }

    @Test func quotedPrintableSoftBreaksLongLinesAt76() {
        let encoded = QuotedPrintable.encode(String(repeating: "ä", count: 100))
        let lines = encoded.components(separatedBy: "\r\n")
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { $0.count <= 76 })
        #expect(lines.dropLast().allSatisfy { $0.hasSuffix("=") })
    }
}
