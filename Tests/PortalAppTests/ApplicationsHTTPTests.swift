import Fluent
import Foundation
import Testing
import VaporTesting
@testable import PortalApp
@testable import PortalCore
@testable import PortalWeb
@testable import PortalMember

/// Applications as a member uses them over HTTP: started, saved per step,
/// found among the drafts, reviewed, confirmed and sent once, on both databases.
@Suite("Applications over HTTP")
struct ApplicationsHTTPTests {
    static let start = "/konto/antraege/changeOfAddress"
    static let address = start + "/schritt/address"
    static let movedOn = start + "/schritt/movedOn"

    static func draftID(in html: String) -> String? {
        guard let range = html.range(of: "name=\"draft\" value=\"") else { return nil }
        return String(html[range.upperBound...].prefix(36))
    }

    @Test(arguments: TestDatabase.allCases)
    func aChangeOfAddressIsStartedLeftResumedReviewedAndSentExactlyOnce(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            let catalogue = try await browser.get("/konto/antraege")
            #expect(catalogue.status == .ok)
            #expect(catalogue.text.contains("Adressänderung") && catalogue.text.contains("Antrag auf Altersrente"))
            #expect(try await browser.get(Self.start).location == Self.address)

            // Prefilled from the fund's records.
            let step = try await browser.get(Self.address)
            #expect(step.text.contains("value=\"Heidestraße 17\"") && step.text.contains("value=\"51147\""))

            // A wrong postcode: 422, the summary links to the field, the other answers stay.
            let wrong = try await browser.post(Self.address, form: ["abroad": "no", "street": "Neue Straße 5", "postcode": "123", "city": "Bonn"])
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.text.contains("href=\"#postcode\"") && wrong.text.contains("Postleitzahl"))
            #expect(wrong.text.contains("value=\"Neue Straße 5\"") && wrong.text.contains("value=\"Bonn\""))
            #expect(try await ApplicationDraft.query(on: app.db).count() == 0, "nothing saved from an invalid step")

            let saved = try await browser.post(Self.address, form: ["abroad": "no", "street": "Neue Straße 5", "postcode": "53111", "city": "Bonn"])
            #expect(saved.status == .seeOther && saved.location == Self.movedOn)

            // Left here: the draft is listed, and starting again resumes at the step.
            let drafts = try await browser.get("/konto/entwuerfe")
            #expect(drafts.text.contains("Adressänderung") && drafts.text.contains("Schritt 2"))
            #expect(try await browser.get(Self.start).location == Self.movedOn)
            #expect(try await browser.get("/konto/antraege").text.contains("Entwurf fortsetzen"))

            #expect(try await browser.post(Self.movedOn, form: ["movedOn": "01.03.2026"]).location == Self.start + "/pruefen")
            let review = try await browser.get(Self.start + "/pruefen")
            #expect(review.text.contains("Neue Straße 5") && review.text.contains("53111") && review.text.contains("01.03.2026"))
            #expect(review.text.contains("href=\"\(Self.address)#street\""))

            let confirm = try await browser.get(Self.start + "/absenden")
            #expect(confirm.text.contains("Ich habe meine Angaben geprüft und sende den Antrag verbindlich ab"))
            let draft = try #require(Self.draftID(in: confirm.text))
            let unchecked = try await browser.post(Self.start + "/absenden", form: ["draft": draft])
            #expect(unchecked.status == .unprocessableEntity && unchecked.text.contains("href=\"#confirm\""))
            #expect(try await ApplicationSubmission.query(on: app.db).count() == 0)

            // A double click, a reload and another tab at once: one submission.
            let token = try await browser.csrfToken()
            let form = ["draft": draft, "confirm": "yes", "csrf_token": token]
            let responses = try await AbuseLimitTests.burst(AbuseLimitTests.tabs(of: browser, 8), Self.start + "/absenden",
                                                            forms: Array(repeating: form, count: 8))
            #expect(responses.allSatisfy { $0.status == .seeOther })
            let receipts = Set(responses.compactMap(\.location))
            #expect(receipts.count == 1 && receipts.first?.hasPrefix("/konto/antraege/gesendet/") == true)
            let submissions = try await ApplicationSubmission.query(on: app.db).all()
            #expect(submissions.count == 1)
            #expect(try await ApplicationDraft.query(on: app.db).count() == 0, "the draft is gone once sent")
            let submission = try #require(submissions.first)
            #expect(submission.answersJSON.contains("\"postcode\":\"53111\""))
            #expect(submission.sha256 == ApplicationSubmitting.sha256(submission.answersJSON))

            let receipt = try await browser.get(try #require(receipts.first))
            #expect(receipt.status == .ok && receipt.text.contains(submission.reference))
            // The back button and a resend later still make nothing new.
            #expect(try await browser.post(Self.start + "/absenden", form: ["draft": draft, "confirm": "yes"]).location == receipts.first)
            #expect(try await ApplicationSubmission.query(on: app.db).count() == 1)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aTypeTheStatusDoesNotAllowIsRefusedWithTheReason(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            let browser = try await CertificateStatementsTests.signedInPensioner(app, clock)
            #expect(!(try await browser.get("/konto/antraege").text.contains("Freiwillige Mehrzahlung")))
            let refused = try await browser.get("/konto/antraege/additionalContribution")
            #expect(refused.status == .forbidden)
            #expect(refused.text.contains("Freiwillige Mehrzahlung") && refused.text.contains("Rentnerin / Rentner"))
            let post = try await browser.post("/konto/antraege/additionalContribution/schritt/amount", form: ["amount": "500"])
            #expect(post.status == .forbidden)
            #expect(try await browser.get("/konto/antraege/noSuchType").status == .notFound)
            #expect(try await ApplicationDraft.query(on: app.db).count() == 0)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func unknownFieldsSkippedStepsAndOtherMembersDraftsChangeNothing(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            let extra = try await browser.post(Self.address, form: ["abroad": "no", "street": "A 1", "postcode": "53111", "city": "Bonn", "isAdmin": "1"])
            #expect(extra.status == .badRequest)
            let skipped = try await browser.post(Self.movedOn, form: ["movedOn": "01.03.2026"])
            #expect(skipped.status == .conflict)
            #expect(try await ApplicationDraft.query(on: app.db).count() == 0)

            #expect(try await browser.post(Self.address, form: ["abroad": "no", "street": "A 1", "postcode": "53111", "city": "Bonn"]).status == .seeOther)
            let erikasDraft = try #require(try await ApplicationDraft.query(on: app.db).first()?.id)
            let other = try await CertificateStatementsTests.signedInPensioner(app, clock)
            #expect(try await other.get("/konto/entwuerfe/\(erikasDraft)/loeschen").status == .notFound)
            #expect(try await other.post("/konto/entwuerfe/\(erikasDraft)/loeschen", form: [:]).status == .seeOther)
            #expect(try await other.post(Self.start + "/absenden", form: ["draft": erikasDraft.uuidString, "confirm": "yes"]).status == .notFound)
            #expect(try await ApplicationDraft.query(on: app.db).count() == 1, "another member's draft is untouched")
            #expect(try await ApplicationSubmission.query(on: app.db).count() == 0)

            // Her own deletion, after the confirmation page.
            #expect(try await browser.get("/konto/entwuerfe/\(erikasDraft)/loeschen").text.contains("Entwurf löschen"))
            #expect(try await browser.post("/konto/entwuerfe/\(erikasDraft)/loeschen", form: [:]).location == "/konto/entwuerfe?geloescht=1")
            #expect(try await ApplicationDraft.query(on: app.db).count() == 0)
        }
    }

    /// Bad values in every text-like field of the first step: each is a 422 with
    /// the field named, never a 5xx, and nothing is stored.
    @Test(arguments: TestDatabase.allCases)
    func badValuesAreAnsweredWithTheFieldsMessageAndNeverA5xx(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            let corpus = ["", String(repeating: "x", count: 10_000), "<script>alert(1)</script>\u{0}", "A\u{202E}B", "\u{7}bell",
                          String(repeating: "y", count: 1_048_576)]
            for field in ["street", "postcode", "city"] {
                for bad in corpus {
                    var form = ["abroad": "no", "street": "Neue Straße 5", "postcode": "53111", "city": "Bonn"]
                    form[field] = bad
                    let response = try await browser.post(Self.address, form: form)
                    #expect(response.status == .unprocessableEntity, "\(field) = \(bad.prefix(20))… gave \(response.status)")
                    #expect(response.text.contains("href=\"#\(field)\""))
                }
            }
            // Invalid UTF-8 in one field is that field's error; the others stay.
            let token = try await browser.csrfToken()
            let raw = "csrf_token=\(token)&abroad=no&street=Neue+Stra%C3%9Fe+5&postcode=53111&city=%FF%FE"
            var headers = HTTPHeaders()
            headers.contentType = .urlEncodedForm
            let invalid = try await browser.send(.POST, Self.address, headers: headers, body: raw)
            #expect(invalid.status == .unprocessableEntity && invalid.text.contains("href=\"#city\""))
            #expect(invalid.text.contains("value=\"Neue Straße 5\""))
            #expect(try await ApplicationDraft.query(on: app.db).count() == 0)
        }
    }
}
