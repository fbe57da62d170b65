import Foundation

/// Brings a person's name into forms in which an eID and a member record can be compared.
///
/// DOMAIN.md ("Registration and matching"): names compare in Unicode NFC,
/// case-insensitively and insensitive to hyphens and spaces; a transliterated
/// form as in ICAO 9303 machine-readable zones is accepted too; academic
/// degrees are not part of a name; common abbreviations of name particles
/// ("V." for "VON") are equivalent.
///
/// Two steps:
/// 1. ``words(of:ignoringDegrees:expandingParticles:)`` splits a name at
///    white space (after NFC and upper-casing), drops academic degrees and,
///    for family names, writes particle abbreviations out in full.
/// 2. ``comparisonKeys(of:)`` turns text into every accepted spelling in
///    Latin capitals without marks, spaces, hyphens, apostrophes or dots.
///    Two names are equivalent when their sets of keys share a spelling, so
///    "MÜLLER" (keys MUELLER, MULLER) equals both "Mueller" and "Muller",
///    while "Mueller" and "Muller" do not equal each other: neither is a
///    transliteration of the other.
///
/// Letters outside the Latin script (Greek, Cyrillic) are kept as they are:
/// German eIDs and the core system both write names in Latin letters.
public enum NameNormalizer {
    /// The words of `name` in NFC capitals, without academic degrees.
    ///
    /// - Parameters:
    ///   - degrees: degree texts known for this person (the eID's academic
    ///     title, the record's academic degree); when a name starts with one
    ///     of them it is dropped, even if it is not in the built-in list.
    ///   - expandingParticles: write "V." as "VON", "V.D." as "VON DER",
    ///     "FRHR." as "FREIHERR" and so on; for family names only, because in
    ///     a given name a single letter with a dot is an initial.
    public static func words(
        of name: String, ignoringDegrees degrees: [String?] = [], expandingParticles: Bool = false
    ) -> [String] {
        var tokens = upperNFC(name).split(whereSeparator: \.isWhitespace).map(String.init)
        for degree in degrees.compactMap({ $0 }) {
            let degreeTokens = upperNFC(degree).split(whereSeparator: \.isWhitespace).map(String.init)
            if !degreeTokens.isEmpty, tokens.starts(with: degreeTokens) {
                tokens.removeFirst(degreeTokens.count)
            }
        }
        var result: [String] = []
        var previousWasDegree = false
        for token in tokens {
            if isDegree(token, afterDegree: previousWasDegree) {
                previousWasDegree = true
                continue
            }
            previousWasDegree = false
            result += expandingParticles ? expandedParticle(token) : [token]
        }
        return result
    }

    /// Every accepted spelling of `text`: Latin capitals and digits only.
    ///
    /// Letters with an ICAO 9303 transliteration contribute each of their
    /// accepted forms (Ü gives UE and U, Ø gives OE and O, Å gives AA and A);
    /// other letters lose their marks (Ğ→G, Ç→C, Ș→S, İ→I, M̂→M); white space,
    /// hyphens, apostrophes and dots are dropped. Empty when `text` has no
    /// letter or digit.
    public static func comparisonKeys(of text: String) -> Set<String> {
        var spellings = [""]
        for scalar in upperNFC(text).unicodeScalars {
            let alternatives = transliteration(of: scalar)
            guard !alternatives.isEmpty else { continue }
            if alternatives.count == 1 || spellings.count * alternatives.count > maximumSpellings {
                // A name with very many umlauts keeps only the ICAO form, so the work stays bounded.
                spellings = spellings.map { $0 + alternatives[0] }
            } else {
                spellings = spellings.flatMap { spelling in alternatives.map { spelling + $0 } }
            }
        }
        return spellings == [""] ? [] : Set(spellings)
    }

    /// Whether two texts are the same name: they share at least one spelling.
    /// Degrees and particles are not handled here; pass the result of
    /// ``words(of:ignoringDegrees:expandingParticles:)`` joined by spaces.
    public static func areEquivalent(_ first: String, _ second: String) -> Bool {
        !comparisonKeys(of: first).isDisjoint(with: comparisonKeys(of: second))
    }

    /// Whether two family names are the same, with degrees and particle abbreviations handled.
    public static func areEquivalentFamilyNames(_ first: String, _ second: String, ignoringDegrees degrees: [String?] = []) -> Bool {
        areEquivalent(
            words(of: first, ignoringDegrees: degrees, expandingParticles: true).joined(separator: " "),
            words(of: second, ignoringDegrees: degrees, expandingParticles: true).joined(separator: " "))
    }

    static let maximumSpellings = 256

    static func upperNFC(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping.uppercased().precomposedStringWithCanonicalMapping
    }
}
