import Fluent
import Foundation
import Testing
import VaporTesting
@testable import PortalApp
@testable import PortalCore
@testable import PortalWeb
@testable import PortalMember
@testable import PortalBackOffice

@Suite("Help page contact form")
struct ContactTests {
    @Test(arguments: TestDatabase.allCases)
    func aMemberSendsAQuestionThatWaitsInTheBackOfficeWithAReceipt(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            let help = try await browser.get("/hilfe")
            #expect(help.body.string.contains("name=\"text\""), "signed in: the form is offered")

            let text = "Wann wird meine Rentenanwartschaft neu berechnet?\nViele Grüße"
            let sent = try await browser.post("/hilfe/kontakt", form: ["topic": "question", "text": "  \(text)  "])
            #expect(sent.status == .seeOther)
            #expect(sent.location == "/hilfe?gesendet=1#kontakt")
            let thanks = try await browser.get("/hilfe?gesendet=1")
            #expect(thanks.body.string.contains("Ihre Nachricht ist bei uns eingegangen"))

            let stored = try #require(try await ContactMessage.query(on: app.db).first())
            let erika = try #require(try await Member.query(on: app.db).filter(\.$memberNumber == "10001/01").first())
            #expect(stored.memberID == erika.id)
            #expect(stored.text == text, "kept as written, without the surrounding blanks")
            #expect(stored.topic == .question)
            #expect(stored.state == .new)
            #expect(try await InboxMessage.query(on: app.db).filter(\.$memberID == erika.requireID()).filter(\.$kind == "contact.received").count() == 1)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "contact.sent").count() == 1)
            let inbox = try await browser.get("/konto/posteingang")
            #expect(inbox.body.string.contains("Ihre Nachricht ist eingegangen"))

            clock.advance(by: 3600)
            try await ContactHandling(database: app.db, clock: clock).markHandled(stored.requireID(), actor: .operator(name: "test"))
            let handled = try #require(try await ContactMessage.find(stored.id, on: app.db))
            #expect(handled.state == .handled)
            #expect(handled.handledAt == clock.now())
        }
    }

    @Test
    func badInputIsRefusedWithTheTextKept() async throws {
        try await withPortal(.sqlite) { app, _ in
            let browser = Browser(app)
            try await browser.signIn(stock: "erika")
            let noTopic = try await browser.post("/hilfe/kontakt", form: ["text": "Mein Vorschlag: <b>dunkler Modus</b>"])
            #expect(noTopic.status == .unprocessableEntity)
            let html = noTopic.body.string
            #expect(html.contains("Bitte wählen Sie, ob Sie eine Frage oder einen Vorschlag haben."))
            #expect(html.contains("href=\"#topic-question\""), "the error summary leads to the field")
            #expect(html.contains("Mein Vorschlag: &lt;b&gt;dunkler Modus&lt;/b&gt;"), "the text is kept, escaped")

            let empty = try await browser.post("/hilfe/kontakt", form: ["topic": "suggestion", "text": "   \n  "])
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.body.string.contains("Bitte schreiben Sie Ihre Nachricht"))
            #expect(empty.body.string.contains("id=\"topic-suggestion\" name=\"topic\" value=\"suggestion\" checked"), "the choice is kept")

            let long = try await browser.post("/hilfe/kontakt", form: ["topic": "suggestion", "text": String(repeating: "ä", count: 4_001)])
            #expect(long.status == .unprocessableEntity)
            let unknown = try await browser.post("/hilfe/kontakt", form: ["topic": "complaint", "text": "Hallo"])
            #expect(unknown.status == .unprocessableEntity)
            let forged = try await browser.post("/hilfe/kontakt", form: ["topic": "question", "text": "Hallo"], csrf: false)
            #expect(forged.status == .forbidden)
            #expect(try await ContactMessage.query(on: app.db).count() == 0)

            let exact = try await browser.post("/hilfe/kontakt", form: ["topic": "suggestion", "text": String(repeating: "ä", count: 4_000)])
            #expect(exact.status == .seeOther, "4,000 characters are allowed, counted as characters, not bytes")
        }
    }

    @Test
    func withoutSignInThereIsNoFormAndNoWayToPost() async throws {
        try await withPortal(.sqlite) { app, _ in
            let visitor = Browser(app)
            let help = try await visitor.get("/hilfe")
            #expect(help.status == .ok)
            #expect(!help.body.string.contains("name=\"text\""))
            #expect(help.body.string.contains("Nach der Anmeldung können Sie uns"))
            let posted = try await visitor.post("/hilfe/kontakt", form: ["topic": "question", "text": "Hallo"])
            #expect(posted.status == .seeOther)
            #expect(posted.location == "/")
            #expect(try await ContactMessage.query(on: app.db).count() == 0)
        }
    }
}
