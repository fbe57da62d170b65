import Foundation
import Testing
@testable import PortalApp
@testable import PortalCore
@testable import PortalWeb
@testable import PortalMember
@testable import PortalBackOffice

@Suite("Markup built in Swift escapes every value")
struct HTMLTests {
    let texts: Texts

    init() throws {
        let catalogue = try LocalizationCatalogue.load(from: packageRoot.appendingPathComponent("Resources/Localization"))
        texts = Texts(catalogue: catalogue, language: .de)
    }

    @Test
    func interpolatedTextIsEscapedInContentAndAttributesLiteralsAreNot() {
        let hostile = #"<script>alert("x")</script> & 'quoted'"#
        let html: HTML = "<p title=\"\(hostile)\">\(hostile)</p>"
        let escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;"
        #expect(html.markup == "<p title=\"\(escaped)\">\(escaped)</p>")
        #expect(!html.markup.contains("<script>"))
    }

    @Test
    func nestedMarkupIsNotEscapedTwiceAndPlainTextIsUnchanged() {
        let inner: HTML = "<b>\("Müller & Söhne")</b>"
        let outer: HTML = "<li>\(inner) \(42)</li>"
        #expect(outer.markup == "<li><b>Müller &amp; Söhne</b> 42</li>")
        #expect(HTML.escape("Grüße, Zoë 😀") == "Grüße, Zoë 😀")
        #expect(HTML.escape("a\"b'c<d>e&f") == "a&quot;b&#39;c&lt;d&gt;e&amp;f")
        let fromRunTime = String(["<", "b", ">"])
        #expect(HTML("\(fromRunTime)").markup == "&lt;b&gt;", "run-time text only enters escaped")
    }

    @Test
    func theDashboardEscapesTheMembersDataAndTheNavigation() {
        let content = DashboardView.content(
            name: "<img src=x onerror=alert(1)>", memberNumber: "\"><script>", statusKey: "status.active",
            activatedOn: "1.1.2026", pays: false,
            bookings: [.init(period: "12/2025", amount: "<i>1</i>")],
            nav: [.init(key: "nav.dashboard", href: "/konto", current: true),
                  .init(key: "nav.profile", href: "/konto/profil\"onmouseover=\"x", current: false)],
            texts)
        let markup = content.markup
        #expect(markup.contains("Guten Tag, &lt;img src=x onerror=alert(1)&gt;"))
        #expect(markup.contains("<dd>&quot;&gt;&lt;script&gt;</dd>"))
        #expect(markup.contains("<td class=\"num\">&lt;i&gt;1&lt;/i&gt;</td>"))
        #expect(markup.contains("href=\"/konto/profil&quot;onmouseover=&quot;x\""))
        #expect(!markup.contains("<img") && !markup.contains("<script") && !markup.contains("<i>"))
        #expect(!markup.contains("href=\"/konto\""), "the overview does not link to itself")
        #expect(markup.contains("<h3>Zuletzt gebuchte Beiträge</h3>"))
        #expect(markup.contains("<h2>Was gibt es Neues?</h2>") && markup.contains("<h2>Ihre Bereiche</h2>"))
        #expect(!markup.contains("⟦"), "every text found in the catalogue")
    }

    @Test
    func aPensionersDashboardNamesPaymentsAndAnEmptyListSaysSo() {
        let content = DashboardView.content(
            name: "Anna", memberNumber: "1/01", statusKey: "status.pensioner", activatedOn: "1.1.2026",
            pays: true, bookings: [], nav: [], texts).markup
        #expect(content.contains("<h3>Zuletzt gezahlte Renten (brutto)</h3>"))
        #expect(!content.contains("Zuletzt gebuchte Beiträge"))
        #expect(content.contains("<p>Es liegen noch keine Buchungen vor.</p>"))
        #expect(!content.contains("⟦"), "every text found in the catalogue")
        #expect(!content.contains("<table"))
    }
}
