import Foundation

/// The portal's texts: one flat key → text table per language.
/// German is the primary language; English is complete, not a fallback.
package struct LocalizationCatalogue: Sendable {
    package enum Language: String, CaseIterable, Sendable {
        case de, en
    }

    package let tables: [Language: [String: String]]

    package static func load(from directory: URL) throws -> LocalizationCatalogue {
        var tables: [Language: [String: String]] = [:]
        for language in Language.allCases {
            let file = directory.appendingPathComponent("\(language.rawValue).json")
            let data = try Data(contentsOf: file)
            tables[language] = try JSONDecoder().decode([String: String].self, from: data)
        }
        return LocalizationCatalogue(tables: tables)
    }

    /// The text for `key`, with `{0}`, `{1}` … replaced by `arguments`.
    /// A missing key renders visibly as ⟦key⟧ so tests over rendered pages catch it.
    package func text(_ key: String, _ language: Language, _ arguments: [String] = []) -> String {
        guard let text = tables[language]?[key] else { return "⟦\(key)⟧" }
        guard !arguments.isEmpty else { return text }
        // One pass over the text; an argument's own braces stay as they are.
        var result = ""
        var rest = text[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let afterOpen = rest.index(after: open)
            if let close = rest[afterOpen...].firstIndex(of: "}"),
               let index = Int(rest[afterOpen..<close]), arguments.indices.contains(index) {
                result += arguments[index]
                rest = rest[rest.index(after: close)...]
            } else {
                result += "{"
                rest = rest[afterOpen...]
            }
        }
        result += rest
        return result
    }

    /// The title of one of the portal's own certificates or application forms
    /// in `language`: the title is stored as written (German, from
    /// `certificate.<kind>.title` or `application.<type>.title`), so it is
    /// matched against that template and rendered again; any other title (a
    /// document the fund provided) stays as it is.
    package func certificateTitle(_ stored: String, _ language: Language) -> String {
        guard language != .de, let german = tables[.de] else { return stored }
        for (key, template) in german where (key.hasPrefix("certificate.") || key.hasPrefix("application.")) && key.hasSuffix(".title") {
            let parts = template.components(separatedBy: "{0}")
            if parts.count == 1, stored == template { return text(key, language) }
            if parts.count == 2, stored.count > parts[0].count + parts[1].count,
               stored.hasPrefix(parts[0]), stored.hasSuffix(parts[1]) {
                let argument = String(stored.dropFirst(parts[0].count).dropLast(parts[1].count))
                return text(key, language, [argument])
            }
        }
        return stored
    }
}
