import Vapor

/// Picks the page language: the `lang` cookie the switch sets, else the
/// browser's Accept-Language, else German.
struct LanguageMiddleware: AsyncMiddleware {
    static let cookieName = "lang"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        request.language = Self.language(for: request)
        return try await next.respond(to: request)
    }

    static func language(for request: Request) -> LocalizationCatalogue.Language {
        if let chosen = request.cookies[cookieName]?.string, let language = LocalizationCatalogue.Language(rawValue: chosen) {
            return language
        }
        let accepted = request.headers.first(name: .acceptLanguage) ?? ""
        for part in accepted.split(separator: ",") {
            let tag = part.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
            let primary = String(tag.prefix(2))
            if let language = LocalizationCatalogue.Language(rawValue: primary) { return language }
        }
        return .de
    }
}

extension Request {
    private struct LanguageKey: StorageKey { typealias Value = LocalizationCatalogue.Language }

    var language: LocalizationCatalogue.Language {
        get { storage[LanguageKey.self] ?? .de }
        set { storage[LanguageKey.self] = newValue }
    }

    func text(_ key: String, _ arguments: String...) -> String {
        portal.catalogue.text(key, language, arguments)
    }
}
