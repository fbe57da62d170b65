import Foundation
import X509
import SwiftASN1
import _CryptoExtras

/// The fund's seal: an RSA key and its certificate (plus any intermediates).
///
/// RSA with PKCS#1 v1.5 is used because its signatures are deterministic, so a
/// sealed document is byte-for-byte reproducible from the same input and clock.
public struct SealIdentity: Sendable {
    /// The seal certificate (the signer).
    public let certificate: Certificate
    /// Intermediate certificates to embed, signer first excluded.
    public let intermediates: [Certificate]
    let privateKey: _RSA.Signing.PrivateKey

    /// Loads a seal from PEM: `pemCertificate` holds the seal certificate first,
    /// then optional intermediates; `pemPrivateKey` is an RSA key (PKCS#1 or PKCS#8).
    public init(pemCertificate: String, pemPrivateKey: String) throws {
        let documents: [PEMDocument]
        do {
            documents = try PEMDocument.parseMultiple(pemString: pemCertificate)
        } catch {
            throw PDFError.invalidSealIdentity("certificate PEM: \(error)")
        }
        let certificates = try documents.map { try Certificate(derEncoded: $0.derBytes) }
        guard let signer = certificates.first else { throw PDFError.invalidSealIdentity("no certificate in PEM") }
        let key: _RSA.Signing.PrivateKey
        do {
            key = try _RSA.Signing.PrivateKey(pemRepresentation: pemPrivateKey)
        } catch {
            throw PDFError.invalidSealIdentity("only RSA private keys are supported: \(error)")
        }
        guard Certificate.PublicKey(key.publicKey) == signer.publicKey else {
            throw PDFError.invalidSealIdentity("private key does not belong to the certificate")
        }
        certificate = signer
        intermediates = Array(certificates.dropFirst())
        privateKey = key
    }

    /// The signature length in bytes (the RSA modulus size).
    var signatureLength: Int { privateKey.keySizeInBits / 8 }

    func sign(_ bytes: [UInt8]) throws -> [UInt8] {
        Array(try privateKey.signature(for: SHA256.hash(data: bytes), padding: .insecurePKCS1v1_5).rawRepresentation)
    }
}
