import Foundation
import Crypto

/// How to seal a document: with which identity, why, and when.
public struct PDFSeal: Sendable {
    public var identity: SealIdentity
    /// The signature dictionary's /Reason, e.g. "Elektronisches Siegel des Versorgungswerks".
    public var reason: String
    public var location: String?
    /// The claimed signing time (/M); PAdES B-B has no trusted time stamp.
    public var signingTime: Date
    /// The accessible name of the (invisible) signature field.
    public var fieldLabel: String

    public init(identity: SealIdentity, reason: String, location: String? = nil, signingTime: Date, fieldLabel: String = "Elektronisches Siegel") {
        self.identity = identity
        self.reason = reason
        self.location = location
        self.signingTime = signingTime
        self.fieldLabel = fieldLabel
    }
}

/// Fills in a signature dictionary written with placeholders: the /ByteRange
/// covering the whole file except the /Contents hex string, then the CMS
/// signature over exactly those bytes.
enum SealPatcher {
    static let byteRangePlaceholder = "[0 0000000000 0000000000 0000000000]"

    /// The size to reserve for the CMS: computed from a dry run with a dummy
    /// signature, as every part of the SignedData has a fixed length.
    static func reservedLength(_ identity: SealIdentity) throws -> Int {
        let dummy = [UInt8](repeating: 0xFF, count: identity.signatureLength)
        return try SignedDataBuilder.build(digest: [UInt8](repeating: 0, count: 32), identity: identity) { _ in dummy }.count + 16
    }

    /// - Parameters:
    ///   - byteRangeAt: offset of the "[" of the /ByteRange placeholder.
    ///   - contentsAt: offset of the "<" of the /Contents placeholder.
    static func patch(_ pdf: inout [UInt8], byteRangeAt: Int, contentsAt: Int, reserved: Int, identity: SealIdentity) throws {
        let contentsEnd = contentsAt + 2 * reserved + 2
        let ranges = [0, contentsAt, contentsEnd, pdf.count - contentsEnd]
        var text = "[" + ranges.map(String.init).joined(separator: " ") + "]"
        text += String(repeating: " ", count: byteRangePlaceholder.count - text.count)
        pdf.replaceSubrange(byteRangeAt..<byteRangeAt + text.utf8.count, with: Array(text.utf8))

        var hasher = SHA256()
        hasher.update(data: pdf[0..<contentsAt])
        hasher.update(data: pdf[contentsEnd...])
        let cms = try SignedDataBuilder.build(digest: Array(hasher.finalize()), identity: identity, sign: identity.sign)
        guard cms.count <= reserved else { throw PDFError.sealTooLarge(needed: cms.count, reserved: reserved) }
        // The rest of the placeholder stays "0": zero padding after the DER is the PAdES convention.
        let hex = Array(PDFSyntax.hex(cms).utf8)
        pdf.replaceSubrange(contentsAt + 1..<contentsAt + 1 + hex.count, with: hex)
    }
}
