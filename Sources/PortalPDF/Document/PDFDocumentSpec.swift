import Foundation

/// Everything a rendered document contains. Pure data: the same spec and
/// creation date always give the same bytes.
public struct PDFDocumentSpec: Sendable {
    /// Shown in the viewer's title bar (DisplayDocTitle) and stored in the XMP metadata.
    public var title: String
    public var author: String
    /// BCP 47 language tag of the text, e.g. "de-DE" (screen readers pick the voice from it).
    public var language: String
    /// The document's creation and modification date; also seeds the file identifier.
    public var creationDate: Date
    public var letterhead: Letterhead
    /// Recipient lines for the DIN 5008 address window, or nil for documents that are not letters.
    public var recipientAddress: [String]?
    public var blocks: [Block]
    public var attachment: Attachment?
    /// The footer text for page `page` of `pageCount`, e.g. "Seite 1 von 2".
    public var pageLabel: @Sendable (_ page: Int, _ pageCount: Int) -> String

    public init(
        title: String,
        author: String,
        language: String = "de-DE",
        creationDate: Date,
        letterhead: Letterhead,
        recipientAddress: [String]? = nil,
        blocks: [Block],
        attachment: Attachment? = nil,
        pageLabel: @escaping @Sendable (_ page: Int, _ pageCount: Int) -> String = { "Seite \($0) von \($1)" }
    ) {
        self.title = title
        self.author = author
        self.language = language
        self.creationDate = creationDate
        self.letterhead = letterhead
        self.recipientAddress = recipientAddress
        self.blocks = blocks
        self.attachment = attachment
        self.pageLabel = pageLabel
    }
}

/// The fund's name and postal address, printed at the top of the first page
/// and, shortened, as the return address line above the address window.
public struct Letterhead: Sendable, Equatable {
    public var name: String
    public var addressLines: [String]
    /// DIN 5008's "Rücksendeangabe": one small line above the recipient, e.g.
    /// "Versorgungswerk Musterland · Königsallee 12 · 40212 Musterstadt".
    /// Defaults to the name and all address lines; shrunk to fit the window.
    public var returnAddress: String

    public init(name: String, addressLines: [String], returnAddress: String? = nil) {
        self.name = name
        self.addressLines = addressLines
        self.returnAddress = returnAddress ?? ([name] + addressLines).joined(separator: " · ")
    }
}

/// One piece of body content, laid out top to bottom.
public enum Block: Sendable {
    /// A heading, level 1 (largest) to 3.
    case heading(String, level: Int = 1)
    case paragraph(String, bold: Bool = false)
    /// Label/value pairs, e.g. "Mitgliedsnummer" / "12345/01".
    case keyValues([KeyValue])
    case table(Table)
    /// Vertical space in points.
    case spacer(Double)
    case pageBreak
}

public struct KeyValue: Sendable, Equatable {
    public var key: String
    public var value: String

    public init(_ key: String, _ value: String) {
        self.key = key
        self.value = value
    }
}

/// A table whose header row is repeated on every page it continues on.
public struct Table: Sendable, Equatable {
    public enum Alignment: Sendable, Equatable { case leading, trailing }

    public var header: [String]
    public var rows: [[String]]
    /// An optional bold closing row, e.g. the sum.
    public var footer: [String]?
    /// Relative column widths (any unit; normalised to the text width). Equal widths when nil.
    public var columnWidths: [Double]?
    /// Per-column alignment; amounts read best trailing. Leading when nil.
    public var alignments: [Alignment]?

    public init(
        header: [String], rows: [[String]], footer: [String]? = nil,
        columnWidths: [Double]? = nil, alignments: [Alignment]? = nil
    ) {
        self.header = header
        self.rows = rows
        self.footer = footer
        self.columnWidths = columnWidths
        self.alignments = alignments
    }
}

/// A file carried inside the PDF (PDF/A-3 associated file), e.g. the application's data as JSON.
public struct Attachment: Sendable, Equatable {
    /// PDF/A-3's /AFRelationship: how the file relates to the document.
    public enum Relationship: String, Sendable { case data = "Data", source = "Source", alternative = "Alternative", supplement = "Supplement" }

    public var fileName: String
    public var mimeType: String
    public var data: [UInt8]
    public var description: String
    public var relationship: Relationship

    public init(fileName: String, mimeType: String, data: [UInt8], description: String, relationship: Relationship = .data) {
        self.fileName = fileName
        self.mimeType = mimeType
        self.data = data
        self.description = description
        self.relationship = relationship
    }
}
