import Foundation

/// Renders a `PDFDocumentSpec` to a tagged PDF/A-3b file, optionally sealed.
///
/// Create one at start-up (it holds the parsed fonts) and share it; `render`
/// is pure and thread-safe.
public struct PDFRenderer: Sendable {
    public let fonts: FontSet

    public init(fonts: FontSet) {
        self.fonts = fonts
    }

    /// - Parameter seal: when given, the document carries a PAdES B-B seal over the whole file.
    /// - Returns: the PDF file's bytes; identical for identical input.
    public func render(_ spec: PDFDocumentSpec, seal: PDFSeal? = nil) throws -> [UInt8] {
        let pages: [LaidOutPage]
        var structure: StructureTree
        (pages, structure) = LayoutEngine.layout(spec, fonts: fonts)
        guard let seal else {
            var assembler = DocumentAssembler(spec: spec, pages: pages, structure: structure)
            return assembler.assemble(fonts: fonts, seal: nil, reservedSignatureBytes: 0).0
        }
        // PDF/UA: the seal's widget annotation belongs to the structure tree too.
        let form = structure.add("Form")
        structure.attach(.sealWidget, to: form)
        let reserved = try SealPatcher.reservedLength(seal.identity)
        var assembler = DocumentAssembler(spec: spec, pages: pages, structure: structure)
        var (bytes, placeholders) = assembler.assemble(fonts: fonts, seal: seal, reservedSignatureBytes: reserved)
        guard let placeholders else { return bytes }
        try SealPatcher.patch(&bytes, byteRangeAt: placeholders.byteRange, contentsAt: placeholders.contents, reserved: reserved, identity: seal.identity)
        return bytes
    }
}
