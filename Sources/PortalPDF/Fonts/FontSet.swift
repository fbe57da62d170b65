import Foundation

/// The two faces every document uses: regular text and bold (headings, labels, table headers).
///
/// Load it once at start-up and share it: parsing a font costs far more than
/// rendering a document.
public struct FontSet: Sendable {
    /// Where Debian's fonts-dejavu-core puts DejaVu Sans.
    public static let debianDejaVuDirectory = URL(fileURLWithPath: "/usr/share/fonts/truetype/dejavu")

    public let regular: TrueTypeFont
    public let bold: TrueTypeFont

    public init(regular: TrueTypeFont, bold: TrueTypeFont) {
        self.regular = regular
        self.bold = bold
    }

    /// Loads two TrueType files from a folder (by default DejaVu Sans and DejaVu Sans Bold).
    public init(
        directory: URL = FontSet.debianDejaVuDirectory,
        regularFile: String = "DejaVuSans.ttf",
        boldFile: String = "DejaVuSans-Bold.ttf"
    ) throws {
        let regularURL = directory.appendingPathComponent(regularFile)
        let boldURL = directory.appendingPathComponent(boldFile)
        for url in [regularURL, boldURL] where !FileManager.default.fileExists(atPath: url.path) {
            throw PDFError.fontNotFound(url.path)
        }
        self.init(regular: try TrueTypeFont(contentsOf: regularURL), bold: try TrueTypeFont(contentsOf: boldURL))
    }

    func font(_ style: FontStyle) -> TrueTypeFont {
        style == .bold ? bold : regular
    }
}

enum FontStyle: Int, Sendable, CaseIterable {
    case regular = 0, bold = 1

    var resourceName: String { self == .bold ? "F2" : "F1" }
}
