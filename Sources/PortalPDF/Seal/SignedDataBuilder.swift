import Crypto
import SwiftASN1
import X509

/// Builds the CMS SignedData (RFC 5652) of a PAdES baseline B-B seal by hand,
/// because swift-certificates' `CMS.sign` cannot add the ESS
/// signing-certificate-v2 attribute that PAdES requires.
///
/// Signed attributes: content-type, message-digest, signing-certificate-v2.
/// No signing-time attribute: PAdES puts the claimed time in the signature
/// dictionary's /M instead (ETSI EN 319 142-1, 5.2.2).
enum SignedDataBuilder {
    static let signedData: ASN1ObjectIdentifier = [1, 2, 840, 113549, 1, 7, 2]
    static let data: ASN1ObjectIdentifier = [1, 2, 840, 113549, 1, 7, 1]
    static let sha256: ASN1ObjectIdentifier = [2, 16, 840, 1, 101, 3, 4, 2, 1]
    static let sha256WithRSA: ASN1ObjectIdentifier = [1, 2, 840, 113549, 1, 1, 11]
    static let contentType: ASN1ObjectIdentifier = [1, 2, 840, 113549, 1, 9, 3]
    static let messageDigest: ASN1ObjectIdentifier = [1, 2, 840, 113549, 1, 9, 4]
    static let signingCertificateV2: ASN1ObjectIdentifier = [1, 2, 840, 113549, 1, 9, 16, 2, 47]

    /// Pre-encoded DER, so SET OF can sort it.
    static func der(_ element: some DERSerializable) throws -> [UInt8] {
        var coder = DER.Serializer()
        try coder.serialize(element)
        return coder.serializedBytes
    }

    struct RawDER: DERSerializable {
        var bytes: [UInt8]
        func serialize(into coder: inout DER.Serializer) throws { coder.serializeRawBytes(bytes) }
    }

    /// - Parameters:
    ///   - digest: SHA-256 of the signed byte ranges.
    ///   - sign: signs the DER of the signed attributes (RSA PKCS#1 v1.5, SHA-256).
    static func build(digest: [UInt8], identity: SealIdentity, sign: ([UInt8]) throws -> [UInt8]) throws -> [UInt8] {
        let signer = identity.certificate
        let signerDER = try der(signer)
        let attributes = try signedAttributes(digest: digest, signer: signer, signerDER: signerDER)
        let signature = try sign(attributes)
        let certificates = try [signerDER] + identity.intermediates.map { try der($0) }

        var coder = DER.Serializer()
        try coder.appendConstructedNode(identifier: .sequence) { coder in
            try coder.serialize(signedData)
            try coder.serialize(explicitlyTaggedWithTagNumber: 0, tagClass: .contextSpecific) { coder in
                try coder.appendConstructedNode(identifier: .sequence) { coder in
                    try coder.serialize(1)
                    try coder.appendConstructedNode(identifier: .set) { coder in try algorithm(sha256, &coder) }
                    try coder.appendConstructedNode(identifier: .sequence) { coder in try coder.serialize(data) }
                    try coder.serializeSetOf(certificates.map(RawDER.init), identifier: ASN1Identifier(tagWithNumber: 0, tagClass: .contextSpecific))
                    try coder.appendConstructedNode(identifier: .set) { coder in
                        try signerInfo(&coder, signer: signer, attributes: attributes, signature: signature)
                    }
                }
            }
        }
        return coder.serializedBytes
    }

    private static func algorithm(_ oid: ASN1ObjectIdentifier, _ coder: inout DER.Serializer, nullParameters: Bool = false) throws {
        try coder.appendConstructedNode(identifier: .sequence) { coder in
            try coder.serialize(oid)
            if nullParameters { try coder.serialize(ASN1Null()) }
        }
    }

    private static func signerInfo(_ coder: inout DER.Serializer, signer: Certificate, attributes: [UInt8], signature: [UInt8]) throws {
        try coder.appendConstructedNode(identifier: .sequence) { coder in
            try coder.serialize(1)
            try coder.appendConstructedNode(identifier: .sequence) { coder in
                try coder.serialize(signer.issuer)
                try coder.serialize(signer.serialNumber.bytes)
            }
            try algorithm(sha256, &coder)
            // The signature covers the attributes as a SET (tag 0x31); in SignerInfo they are [0] IMPLICIT.
            coder.serializeRawBytes([0xA0] + attributes.dropFirst())
            try algorithm(sha256WithRSA, &coder, nullParameters: true)
            try coder.serialize(ASN1OctetString(contentBytes: signature[...]))
        }
    }

    /// The DER of the signed attributes as a SET OF Attribute.
    private static func signedAttributes(digest: [UInt8], signer: Certificate, signerDER: [UInt8]) throws -> [UInt8] {
        func attribute(_ type: ASN1ObjectIdentifier, _ value: (inout DER.Serializer) throws -> Void) throws -> RawDER {
            var coder = DER.Serializer()
            try coder.appendConstructedNode(identifier: .sequence) { coder in
                try coder.serialize(type)
                try coder.appendConstructedNode(identifier: .set) { coder in try value(&coder) }
            }
            return RawDER(bytes: coder.serializedBytes)
        }
        let certificateHash = Array(SHA256.hash(data: signerDER))
        let attributes = [
            try attribute(contentType) { try $0.serialize(data) },
            try attribute(messageDigest) { try $0.serialize(ASN1OctetString(contentBytes: digest[...])) },
            // SigningCertificateV2 { certs: [ESSCertIDv2 { certHash, issuerSerial }] }; hash algorithm SHA-256 is the default and so omitted.
            try attribute(signingCertificateV2) { coder in
                try coder.appendConstructedNode(identifier: .sequence) { coder in
                    try coder.appendConstructedNode(identifier: .sequence) { coder in
                        try coder.appendConstructedNode(identifier: .sequence) { coder in
                            try coder.serialize(ASN1OctetString(contentBytes: certificateHash[...]))
                            try coder.appendConstructedNode(identifier: .sequence) { coder in
                                try coder.appendConstructedNode(identifier: .sequence) { coder in
                                    try coder.serialize(signer.issuer, explicitlyTaggedWithTagNumber: 4, tagClass: .contextSpecific)
                                }
                                try coder.serialize(signer.serialNumber.bytes)
                            }
                        }
                    }
                }
            },
        ]
        var coder = DER.Serializer()
        try coder.serializeSetOf(attributes)
        return coder.serializedBytes
    }
}
