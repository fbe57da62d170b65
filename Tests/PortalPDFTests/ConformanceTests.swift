import Foundation
import Testing
@testable import PortalPDF

@Suite("PDF/A-3b and tagging, read back with pikepdf")
struct ConformanceTests {
    private func inspect(_ spec: PDFDocumentSpec = Fixtures.certificate()) throws -> [String: Any] {
        try Tools.pdfcheck(["inspect", try Fixtures.write(try Fixtures.renderer().render(spec, seal: try Fixtures.seal())).path])
    }

    @Test func xmpDeclaresPDFA3B() throws {
        let facts = try inspect()

        #expect(facts["pdfaid_part"] as? String == "3")
        #expect(facts["pdfaid_conformance"] as? String == "B")
        #expect(facts["dc_title"] as? String == "Beitragsbescheinigung 2025")
        #expect(facts["encrypted"] as? Bool == false)
    }

    @Test func outputIntentCarriesAnSRGBProfile() throws {
        let intents = try #require(try inspect()["output_intents"] as? [[String: Any]])

        #expect(intents.count == 1)
        #expect(intents.first?["subtype"] as? String == "/GTS_PDFA1")
        #expect(intents.first?["profile_signature"] as? String == "acsp")
        #expect(intents.first?["profile_colour_space"] as? String == "RGB ")
        #expect(intents.first?["profile_components"] as? Int == 3)
    }

    @Test func documentIsTaggedWithLanguageAndTitleShown() throws {
        let facts = try inspect()

        #expect(facts["lang"] as? String == "de-DE")
        #expect(facts["display_doc_title"] as? Bool == true)
        #expect(facts["marked"] as? Bool == true)
        #expect(facts["has_struct_tree_root"] as? Bool == true)
        let roles = try #require(facts["structure"] as? [[Any]]).compactMap { $0.last as? String }
        #expect(roles.first == "Document")
        for role in ["H1", "P", "L", "LI", "Lbl", "LBody", "Table", "THead", "TBody", "TFoot", "TR", "TH", "TD", "Form"] {
            #expect(roles.contains(role), "no \(role) in \(roles)")
        }
        // Reading order: the heading comes before the table, the table before the closing paragraph.
        let heading = try #require(roles.firstIndex(of: "H1")), table = try #require(roles.firstIndex(of: "Table"))
        #expect(heading < table)
        #expect(roles.filter { $0 == "TD" }.count == 13 * 4)
    }

    @Test func embeddedJSONIsAnAssociatedFile() throws {
        let facts = try inspect()

        let attachments = try #require(facts["attachments"] as? [String: [String: Any]])
        let json = try #require(attachments["beitragsbescheinigung-2025.json"])
        #expect(json["content"] as? String == Fixtures.json)
        #expect(json["mime_type"] as? String == "application/json")
        #expect(json["relationship"] as? String == "/Data")
        #expect(facts["af_count"] as? Int == 1)
    }
}
