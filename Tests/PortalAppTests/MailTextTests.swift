import Foundation
import Testing
@testable import PortalApp
@testable import PortalCore
@testable import PortalWeb
@testable import PortalMember
@testable import PortalBackOffice

/// The portal's mails read from the catalogue (`mail.*`), German first and
/// English after it, word for word as they were written in the code before.
@Suite("Texts of the portal's mails")
struct MailTextTests {
    static func catalogue() throws -> LocalizationCatalogue {
        try LocalizationCatalogue.load(from: packageRoot.appendingPathComponent("Resources/Localization"))
    }
    static let fund = FundProfile(name: "Versorgungswerk Musterland", addressLines: [], email: "portal@versorgungswerk.example",
                                  phone: "0211 000000-0", privacyText: "", imprintText: "")
    static let portal = URL(string: "https://portal.versorgungswerk.example/")!

    private func text(_ kind: PortalMails.Kind, link: String? = nil, changedAt: Date? = nil) throws -> (subject: String, body: String) {
        let payload = PortalMails.Payload(kind: kind, to: "erika@example.org", link: link, changedAt: changedAt)
        return PortalMails.text(payload, fund: Self.fund, baseURL: Self.portal, catalogue: try Self.catalogue())
    }

    @Test
    func theNewContentMailSaysOnlyThatThereIsSomethingNew() throws {
        let mail = try text(.newContent)
        #expect(mail.subject == "Neue Nachricht im Mitgliederportal / New message in the member portal")
        #expect(mail.body == "Guten Tag,\n\nin Ihrem Mitgliederportal gibt es etwas Neues. Bitte melden Sie sich an, um es zu lesen:\nhttps://portal.versorgungswerk.example/\n\nThere is something new in your member portal. Please sign in to read it:\nhttps://portal.versorgungswerk.example/\n\nVersorgungswerk Musterland\n")
    }

    @Test
    func theConfirmationMailCarriesTheOneTimeLink() throws {
        let mail = try text(.confirmAddress, link: "https://portal.versorgungswerk.example/email-bestaetigen/abc")
        #expect(mail.subject == "Bitte bestätigen Sie Ihre E-Mail-Adresse / Please confirm your e-mail address")
        #expect(mail.body == "Guten Tag,\n\nbitte bestätigen Sie diese Adresse für Benachrichtigungen aus dem Mitgliederportal. Der Link gilt 24 Stunden und nur einmal:\nhttps://portal.versorgungswerk.example/email-bestaetigen/abc\n\nHaben Sie das nicht veranlasst, ignorieren Sie diese E-Mail.\n\nPlease confirm this address for notifications from the member portal. The link is valid for 24 hours and once only:\nhttps://portal.versorgungswerk.example/email-bestaetigen/abc\n\nIf you did not ask for this, ignore this e-mail.\n\nVersorgungswerk Musterland\n")
    }

    @Test
    func theOldAddressIsToldOfTheChange() throws {
        let mail = try text(.addressChanged)
        #expect(mail.subject == "Ihre E-Mail-Adresse im Mitgliederportal wurde geändert / Your e-mail address was changed")
        #expect(mail.body == "Guten Tag,\n\nfür Benachrichtigungen aus dem Mitgliederportal wurde eine neue E-Mail-Adresse eingetragen. Diese Adresse erhält keine Benachrichtigungen mehr. Waren Sie das nicht, wenden Sie sich bitte an uns.\n\nA new notification address was entered in the member portal; this address no longer receives notifications.\n\nVersorgungswerk Musterland\n")
    }

    @Test
    func theCardChangeMailNamesTheDayInEachLanguageAndTheFundsPhone() throws {
        let mail = try text(.cardChanged, changedAt: testStart)
        let de = Format.date(testStart, .de), en = Format.date(testStart, .en)
        #expect(mail.subject == "Neuer Ausweis für Ihr Mitgliederportal / New ID card linked to your member portal")
        #expect(mail.body == "Guten Tag,\n\nam \(de) wurde ein neuer Ausweis mit Ihrem Zugang zum Mitgliederportal verknüpft. Mit dem bisherigen Ausweis ist keine Anmeldung mehr möglich. Waren Sie das nicht, rufen Sie uns bitte sofort an: 0211 000000-0\n\nA new ID card was linked to your member portal account on \(en). The previous card can no longer sign in. If this was not you, please call us at once: 0211 000000-0\n\nVersorgungswerk Musterland\n")
    }

    @Test(arguments: PortalMails.Kind.allCases)
    func everyMailKindHasItsTextsInBothCatalogues(_ kind: PortalMails.Kind) throws {
        let catalogue = try Self.catalogue()
        for language in LocalizationCatalogue.Language.allCases {
            for part in ["subject", "body"] {
                #expect(catalogue.tables[language]?["mail.\(kind.rawValue).\(part)"] != nil, "\(language) mail.\(kind.rawValue).\(part)")
            }
        }
    }
}
