import Leaf

/// `#t(key)` or `#t(key, argument…)` in templates: looks the text up in the
/// language the page context names in its top-level `lang` field.
/// The result is HTML-escaped like any other Leaf output.
struct TranslateTag: LeafTag {
    let catalogue: LocalizationCatalogue

    func render(_ ctx: LeafContext) throws -> LeafData {
        guard let key = ctx.parameters.first?.string else {
            throw MissingKey()
        }
        let language = ctx.data["lang"]?.string.flatMap(LocalizationCatalogue.Language.init(rawValue:)) ?? .de
        let arguments = ctx.parameters.dropFirst().map { $0.string ?? "" }
        return .string(catalogue.text(key, language, Array(arguments)))
    }

    struct MissingKey: Error, CustomStringConvertible {
        var description: String { "#t() needs a text key as its first parameter" }
    }
}
