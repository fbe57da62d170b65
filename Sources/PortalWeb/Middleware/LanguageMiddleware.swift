import Vapor
import PortalCore

/// Picks the page language: the `lang` cookie the switch sets, else the
/// browser's Accept-Language, else German.
package struct LanguageMiddleware: AsyncMiddleware {
    package init() {}

    package static let cookieName = "lang"

    package func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        request.language = Self.language(for: request)
        return try await next.respond(to: request)
    }

    package static func language(for request: Request) -> LocalizationCatalogue.Language {
        if let chosen = request.parsedCookies[cookieName]?.string, let language = LocalizationCatalogue.Language(rawValue: chosen) {
            return language
        }
        return language(accepting: request.headers.first(name: .acceptLanguage) ?? "")
    }

    /// The most preferred language the portal speaks (RFC 9110 §12.5.4: by
    /// weight, `q=0` means "not this one"); German, the fund's language, when
    /// the browser names none the portal speaks.
    package static func language(accepting header: String) -> LocalizationCatalogue.Language {
        var best: (language: LocalizationCatalogue.Language, weight: Double)?
        for part in header.split(separator: ",") {
            let fields = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            let primary = fields.first?.split(separator: "-").first.map(String.init) ?? ""
            let weight = fields.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            guard let language = LocalizationCatalogue.Language(rawValue: primary), weight > 0 else { continue }
            if weight > (best?.weight ?? 0) { best = (language, weight) }
        }
        return best?.language ?? .de
    }
}

extension Request {
    private struct CookiesKey: StorageKey { typealias Value = HTTPCookies }

    /// The request's cookies, parsed once: Vapor's `cookies` parses the
    /// header again on every access, and two middlewares read it.
    package var parsedCookies: HTTPCookies {
        if let cookies = storage[CookiesKey.self] { return cookies }
        let parsed = cookies
        storage[CookiesKey.self] = parsed
        return parsed
    }

    /// Whether the query string names `name` (`?name` or `?name=…`), without
    /// decoding the whole query into a container.
    package func hasQueryParameter(_ name: String) -> Bool {
        guard let query = url.query else { return false }
        return query.split(separator: "&").contains { $0 == name || $0.hasPrefix(name + "=") }
    }

    private struct LanguageKey: StorageKey { typealias Value = LocalizationCatalogue.Language }

    package var language: LocalizationCatalogue.Language {
        get { storage[LanguageKey.self] ?? .de }
        set { storage[LanguageKey.self] = newValue }
    }

    package func text(_ key: String, _ arguments: String...) -> String {
        portal.catalogue.text(key, language, arguments)
    }
}
