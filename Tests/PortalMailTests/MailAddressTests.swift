import Testing
@testable import PortalMail

@Suite("One validator for e-mail addresses")
struct MailAddressTests {
    @Test(arguments: ["a\u{0}@b.test", "a@b.test\u{0}", "a\u{01}b@c.test", "a@b\u{7F}.test", "a@b..test", "a@.b.test", "a@b.test.",
                      "a@b", "a@localhost", "a b@c.test", "ä@b.test"])
    func aRecipientWithControlsOrWithoutAProperDomainIsRefused(address: String) {
        #expect(!MailAddress.isValidRecipient(address))
    }

    @Test(arguments: ["erika.mustermann@example.org", "a+tag@sub.example.de", "x@y.test"])
    func ordinaryRecipientsAreAccepted(address: String) throws {
        #expect(MailAddress.isValidRecipient(address))
        #expect(try MailAddress(address).address == address, "what the form accepts, the mailer can send to")
    }

    @Test func theSenderMayUseADotlessDomainButNoEmptyLabel() throws {
        #expect(try MailAddress("noreply@localhost").address == "noreply@localhost")
        #expect(throws: MailMessageError.invalidAddress) { try MailAddress("noreply@portal..test") }
    }
}
