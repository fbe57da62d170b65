import Foundation

extension NameNormalizer {
    /// Letters that ICAO 9303 (Part 3, transliteration of Latin characters)
    /// does not simply write without their marks. The first form is ICAO's;
    /// the others are what documents of other states and older records
    /// actually carry: Đ is DJ in Serbian and Croatian documents and in most
    /// German records of those names. ICAO's optional "UXX"/"NXX" forms are
    /// not accepted: no German record is written that way.
    static let transliterations: [Unicode.Scalar: [String]] = [
        "Ä": ["AE", "A"], "Ö": ["OE", "O"], "Ü": ["UE", "U"],
        "Å": ["AA", "A"], "Ø": ["OE", "O"],
        "Æ": ["AE"], "Œ": ["OE"], "ẞ": ["SS"],
        "Þ": ["TH"], "Ð": ["D"], "Đ": ["D", "DJ"], "Ł": ["L"], "Ħ": ["H"],
        "Ŧ": ["T"], "Ŋ": ["N"], "ĸ": ["K"],
    ]

    /// The accepted Latin forms of one capital letter; empty for anything that
    /// is not a letter or digit (spaces, hyphens, apostrophes, dots, marks).
    static func transliteration(of scalar: Unicode.Scalar) -> [String] {
        if let forms = transliterations[scalar] { return forms }
        // Compatibility decomposition also splits ligatures (ﬁ, Ĳ) and full-width letters.
        let kept = String(scalar).decomposedStringWithCompatibilityMapping.unicodeScalars.filter { part in
            !isMark(part) && (part.properties.isAlphabetic || part.properties.numericType != nil)
        }
        guard !kept.isEmpty else { return [] }
        return [String(String.UnicodeScalarView(kept)).uppercased()]
    }

    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }

    /// Pieces of academic degrees as German records and eIDs write them
    /// ("DR.", "DR.HC.", "DR. H.C. MULT.", "PROF. DR.-ING.", "DIPL.-KFM.").
    static let degreePieces: Set<String> = [
        "DR", "PROF", "PD", "DIPL", "MAG", "HC", "H", "C", "E", "EH", "MULT", "HABIL",
        "MED", "DENT", "VET", "RER", "NAT", "POL", "PHIL", "JUR", "THEOL", "OEC", "SC",
        "ING", "KFM", "KFFR", "PSYCH", "PHD", "PAED", "SOC", "BIOL", "CHEM", "PHYS",
    ]

    /// A whole white-space-separated token that is a degree. It must start
    /// with DR or PROF, or carry a dot and start with DIPL/MAG, or carry a dot
    /// and follow another degree ("H.C.", "MED."): a family name such as
    /// "Ing" or "Mag" stays a name.
    static func isDegree(_ token: String, afterDegree: Bool) -> Bool {
        let pieces = token.split(whereSeparator: { $0 == "." || isHyphen($0) }).map(String.init)
        guard let first = pieces.first, pieces.allSatisfy(degreePieces.contains) else { return false }
        if first == "DR" || first == "PROF" { return true }
        guard token.contains(".") else { return false }
        return afterDegree || first == "DIPL" || first == "MAG"
    }

    static func isHyphen(_ character: Character) -> Bool {
        character == "-" || character == "\u{2010}" || character == "\u{2011}" || character == "\u{2013}"
    }

    /// Abbreviations of German name particles and nobility titles, which are
    /// part of the family name in German law (Art. 109 para. 3 WRV via Art. 123 GG).
    /// Feminine forms (GRÄFIN, FREIFRAU) are different words, not abbreviations.
    static let particleAbbreviations: [String: String] = [
        "V": "VON", "D": "DER", "Z": "ZU", "U": "UND",
        "FRHR": "FREIHERR", "FRFR": "FREIFRAU", "FRIN": "FREIIN",
    ]

    /// "V." → VON, "V.D." → VON DER, "V.U.Z." → VON UND ZU; only tokens that end
    /// with a dot and consist of known abbreviations, so "D'ANGELO" stays.
    static func expandedParticle(_ token: String) -> [String] {
        guard token.hasSuffix(".") else { return [token] }
        let pieces = token.split(separator: ".")
        let expanded = pieces.compactMap { particleAbbreviations[String($0)] }
        return !pieces.isEmpty && expanded.count == pieces.count ? expanded : [token]
    }
}
