import Crypto

/// Turns laid-out pages into PDF objects: catalog, pages, fonts, metadata,
/// output intent, structure tree, attachment and the seal's signature field.
struct DocumentAssembler {
    let spec: PDFDocumentSpec
    let pages: [LaidOutPage]
    let structure: StructureTree
    var writer = ObjectWriter()

    init(spec: PDFDocumentSpec, pages: [LaidOutPage], structure: StructureTree) {
        self.spec = spec
        self.pages = pages
        self.structure = structure
    }

    /// Where the seal's placeholders ended up in the file.
    struct SignaturePlaceholders { var byteRange: Int; var contents: Int }

    mutating func assemble(fonts: FontSet, seal: PDFSeal?, reservedSignatureBytes: Int) -> ([UInt8], SignaturePlaceholders?) {
        let catalog = writer.reserve(), pageTree = writer.reserve(), structRoot = writer.reserve()
        let pageNumbers = pages.map { _ in writer.reserve() }
        let date = PDFSyntax.date(spec.creationDate)
        let info = writer.add(
            "<</Title \(PDFSyntax.textString(spec.title)) /Author \(PDFSyntax.textString(spec.author))"
                + " /Creator (\(XMPMetadata.producer)) /Producer (\(XMPMetadata.producer)) /CreationDate (\(date)) /ModDate (\(date))>>"
        )
        let metadata = writer.addStream(
            " /Type /Metadata /Subtype /XML",
            XMPMetadata.packet(title: spec.title, author: spec.author, date: PDFSyntax.xmpDate(spec.creationDate))
        )
        let profile = writer.addPrecompressedStream(" /N 3", SRGBProfile.zlibCompressed)
        let outputIntent = writer.add(
            "<</Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB IEC61966-2.1)"
                + " /Info (sRGB IEC61966-2.1) /DestOutputProfile \(profile) 0 R>>"
        )

        var fontResources: [String] = [], glyphMaps: [FontStyle: [UInt16: UInt16]] = [:]
        let usage = FontEmbedder.collectUsage(pages)
        for style in FontStyle.allCases {
            guard let used = usage[style] else { continue }
            let (font, map) = FontEmbedder.embed(fonts.font(style), usage: used, into: &writer)
            fontResources.append("/\(style.resourceName) \(font) 0 R")
            glyphMaps[style] = map
        }
        let contentWriter = ContentStream(glyphMaps: glyphMaps, structure: structure)

        var widget: Int?, signature: Int?
        if let seal {
            (widget, signature) = addSignatureField(seal, page: pageNumbers[0], reserved: reservedSignatureBytes)
        }
        for (index, page) in pages.enumerated() {
            let content = writer.addCompressedStream("", contentWriter.build(page))
            let annotations = index == 0 && widget != nil ? " /Annots [\(widget!) 0 R]" : ""
            writer.set(
                pageNumbers[index],
                "<</Type /Page /Parent \(pageTree) 0 R /MediaBox [0 0 \(PDFSyntax.number(PageGeometry.width)) \(PDFSyntax.number(PageGeometry.height))]"
                    + " /Resources <</Font <<\(fontResources.joined(separator: " "))>>>> /Contents \(content) 0 R"
                    + " /StructParents \(index) /Tabs /S\(annotations)>>"
            )
        }
        writer.set(pageTree, "<</Type /Pages /Kids [\(pageNumbers.map { "\($0) 0 R" }.joined(separator: " "))] /Count \(pages.count)>>")
        _ = StructureWriter(structure: structure).write(into: &writer, root: structRoot, pages: pageNumbers, widget: widget.map { ($0, 0) })

        var catalogEntries = "/Type /Catalog /Pages \(pageTree) 0 R /Metadata \(metadata) 0 R /OutputIntents [\(outputIntent) 0 R]"
            + " /StructTreeRoot \(structRoot) 0 R /MarkInfo <</Marked true>> /Lang \(PDFSyntax.textString(spec.language))"
            + " /ViewerPreferences <</DisplayDocTitle true>>"
        if let attachment = spec.attachment {
            let fileSpec = addAttachment(attachment, date: date)
            catalogEntries += " /Names <</EmbeddedFiles <</Names [\(PDFSyntax.textString(attachment.fileName)) \(fileSpec) 0 R]>>>> /AF [\(fileSpec) 0 R]"
        }
        if let widget { catalogEntries += " /AcroForm <</Fields [\(widget) 0 R] /SigFlags 3>>" }
        writer.set(catalog, "<<\(catalogEntries)>>")

        let (bytes, bodyOffsets) = writer.serialize(root: catalog, info: info)
        guard let signature else { return (bytes, nil) }
        let body = bodyOffsets[signature - 1]
        return (bytes, SignaturePlaceholders(
            byteRange: body + Self.offset(of: "/ByteRange ", in: bytes, from: body) + "/ByteRange ".utf8.count,
            contents: body + Self.offset(of: "/Contents ", in: bytes, from: body) + "/Contents ".utf8.count
        ))
    }

    private static func offset(of marker: String, in bytes: [UInt8], from start: Int) -> Int {
        let needle = Array(marker.utf8)
        var index = start
        while index + needle.count <= bytes.count && !bytes[index..<index + needle.count].elementsEqual(needle) { index += 1 }
        return index - start
    }

    /// An invisible signature widget ([0 0 0 0], flags Print+Locked as PDF/A wants) holding the signature dictionary.
    private mutating func addSignatureField(_ seal: PDFSeal, page: Int, reserved: Int) -> (widget: Int, signature: Int) {
        var dictionary = "<</Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached"
            + " /ByteRange \(SealPatcher.byteRangePlaceholder) /M (\(PDFSyntax.date(seal.signingTime)))"
            + " /Reason \(PDFSyntax.textString(seal.reason))"
        if let location = seal.location { dictionary += " /Location \(PDFSyntax.textString(location))" }
        dictionary += " /Contents <\(String(repeating: "0", count: reserved * 2))>>>"
        let signature = writer.add(dictionary)
        let appearance = writer.addStream(" /Type /XObject /Subtype /Form /BBox [0 0 0 0]", [])
        let widget = writer.add(
            "<</Type /Annot /Subtype /Widget /FT /Sig /T (Siegel) /TU \(PDFSyntax.textString(seal.fieldLabel))"
                + " /V \(signature) 0 R /Rect [0 0 0 0] /F 132 /P \(page) 0 R /AP <</N \(appearance) 0 R>> /StructParent \(pages.count)>>"
        )
        return (widget, signature)
    }

    private mutating func addAttachment(_ attachment: Attachment, date: String) -> Int {
        let checksum = PDFSyntax.hex(Insecure.MD5.hash(data: attachment.data))
        let file = writer.addStream(
            " /Type /EmbeddedFile /Subtype \(PDFSyntax.name(attachment.mimeType))"
                + " /Params <</ModDate (\(date)) /Size \(attachment.data.count) /CheckSum <\(checksum)>>>",
            attachment.data
        )
        return writer.add(
            "<</Type /Filespec /F \(PDFSyntax.textString(attachment.fileName)) /UF \(PDFSyntax.textString(attachment.fileName))"
                + " /Desc \(PDFSyntax.textString(attachment.description)) /AFRelationship /\(attachment.relationship.rawValue)"
                + " /EF <</F \(file) 0 R /UF \(file) 0 R>>>>"
        )
    }
}
