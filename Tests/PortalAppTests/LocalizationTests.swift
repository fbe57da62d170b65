import Foundation
import Testing
import Vapor
@testable import PortalApp
@testable import PortalCore
@testable import PortalWeb
@testable import PortalMember
@testable import PortalBackOffice

@Suite("Localisation catalogues")
struct LocalizationTests {
    let catalogue: LocalizationCatalogue

    init() throws {
        catalogue = try LocalizationCatalogue.load(from: packageRoot.appendingPathComponent("Resources/Localization"))
    }

    @Test
    func germanAndEnglishHaveTheSameKeysAndNoEmptyTexts() {
        let german = catalogue.tables[.de] ?? [:]
        let english = catalogue.tables[.en] ?? [:]
        #expect(!german.isEmpty)
        #expect(Set(german.keys) == Set(english.keys))
        #expect(german.values.allSatisfy { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
        #expect(english.values.allSatisfy { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
    }

    @Test
    func everyKeyTheViewsNameExistsInBothLanguages() throws {
        // Every page is built in Swift and names its texts as t("key"), on either listener.
        let files = ["PortalWeb", "PortalMember", "PortalBackOffice", "PortalCore"].flatMap { target in
            let sources = packageRoot.appendingPathComponent("Sources/\(target)")
            return FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?
                .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
        }
        #expect(files.contains { $0.path.contains("/Views/Pages/") }, "the pages' sources are scanned")
        let pattern = try Regex(#"\bt\("([A-Za-z0-9_.]+)""#)
        var keys: Set<String> = []
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: pattern) { keys.insert(String(match.output[1].substring ?? "")) }
        }
        #expect(keys.count > 50)
        #expect(keys.contains("frame.skip") && keys.contains("dashboard.greeting") && keys.contains("registration.submit"),
                "the frame's, the dashboard's and the pages' keys are all checked")
        for key in keys {
            #expect(catalogue.tables[.de]?[key] != nil, "de lacks \(key)")
            #expect(catalogue.tables[.en]?[key] != nil, "en lacks \(key)")
        }
    }

    @Test
    func keysBuiltInCodeExist() {
        var keys = PageContext.memberNavigation.map(\.0)
        keys += ["active", "pensioner", "survivor", "former"].map { "status.\($0)" }
        keys += [400, 401, 403, 404, 405, 413, 415, 429, 500, 503].map { ErrorPageMiddleware.messageKey(for: HTTPResponseStatus(statusCode: $0)) }
        for field in ["family_names", "given_names", "pseudonym", "date_of_birth"] {
            keys += ["devEID.error.\(field).missing", "devEID.error.\(field).invalid"]
        }
        keys += ["devEID.error.document_type.invalid", "devEID.error.issuing_state.invalid", "notice.sessionExpired", "notice.signedOut"]
        for key in keys {
            #expect(!catalogue.text(key, .de).hasPrefix("⟦"), "de lacks \(key)")
            #expect(!catalogue.text(key, .en).hasPrefix("⟦"), "en lacks \(key)")
        }
    }

    @Test
    func placeholdersAreReplacedOnceEachAndUnknownOnesStay() {
        let catalogue = LocalizationCatalogue(tables: [.de: ["k": "{0} und {1}, wieder {0}; {2} {x} {"], .en: [:]])
        #expect(catalogue.text("k", .de, ["A{1}", "B"]) == "A{1} und B, wieder A{1}; {2} {x} {")
        #expect(catalogue.text("k", .de) == "{0} und {1}, wieder {0}; {2} {x} {", "no arguments: the text as it is")
        #expect(catalogue.text("fehlt", .en, ["A"]) == "⟦fehlt⟧")
    }
}
