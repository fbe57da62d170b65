import Foundation
import X509
import SwiftASN1
import _CryptoExtras

extension SealIdentity {
    static let certificateFile = "seal-certificate.pem"
    static let keyFile = "seal-key.pem"

    /// Development only: reads `seal-certificate.pem` and `seal-key.pem` from
    /// `directory`, creating a self-signed seal there on first use. Production
    /// loads the fund's real seal with `init(pemCertificate:pemPrivateKey:)`.
    public static func loadOrCreateDevelopment(
        in directory: URL, organization: String = "Versorgungswerk (Entwicklung)", now: Date = Date()
    ) throws -> SealIdentity {
        let certificateURL = directory.appendingPathComponent(certificateFile)
        let keyURL = directory.appendingPathComponent(keyFile)
        let files = FileManager.default
        if !files.fileExists(atPath: certificateURL.path) || !files.fileExists(atPath: keyURL.path) {
            let (certificatePEM, keyPEM) = try makeDevelopmentPEM(organization: organization, now: now)
            try files.createDirectory(at: directory, withIntermediateDirectories: true)
            // The key never leaves the data directory and only the service user may read it.
            try Data(keyPEM.utf8).write(to: keyURL, options: .atomic)
            try files.setAttributes([.posixPermissions: 0o600], ofItemAtPath: keyURL.path)
            try Data(certificatePEM.utf8).write(to: certificateURL, options: .atomic)
        }
        return try SealIdentity(
            pemCertificate: String(decoding: try Data(contentsOf: certificateURL), as: UTF8.self),
            pemPrivateKey: String(decoding: try Data(contentsOf: keyURL), as: UTF8.self)
        )
    }

    /// A self-signed seal certificate (RSA 2048, ten years) and its key, as PEM.
    public static func makeDevelopmentPEM(organization: String, now: Date = Date()) throws -> (certificate: String, privateKey: String) {
        let key = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        let publicKey = Certificate.PublicKey(key.publicKey)
        let name = try DistinguishedName {
            CountryName("DE")
            OrganizationName(organization)
            CommonName("\(organization) – Entwicklungssiegel")
        }
        let certificate = try Certificate(
            version: .v3,
            serialNumber: Certificate.SerialNumber(),
            publicKey: publicKey,
            notValidBefore: now.addingTimeInterval(-86_400),
            notValidAfter: now.addingTimeInterval(10 * 365 * 86_400),
            issuer: name,
            subject: name,
            signatureAlgorithm: .sha256WithRSAEncryption,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true, nonRepudiation: true))
                SubjectKeyIdentifier(hash: publicKey)
            },
            issuerPrivateKey: Certificate.PrivateKey(key)
        )
        return (try certificate.serializeAsPEM().pemString, key.pemRepresentation)
    }
}
