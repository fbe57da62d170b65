import Crypto
import Foundation
import NIOPosix
import SQLKit

/// Where document bytes live. Two real implementations: files in the data
/// directory (one node) and a database table (several nodes share it).
/// Both store ciphertext only (AES-GCM); the key comes from configuration.
package protocol BlobStore: Sendable {
    func put(_ key: String, _ bytes: [UInt8]) async throws
    func get(_ key: String) async throws -> [UInt8]?
    func delete(_ key: String) async throws
    /// Every key stored before `cutoff` (by the wall clock), for the orphan sweep.
    func keys(storedBefore cutoff: Date) async throws -> [String]
}

/// AES-256-GCM at rest (ASVS 11.3.2): a changed byte fails authentication,
/// and the document is refused instead of served.
package struct BlobCipher: Sendable {
    package let key: SymmetricKey

    package init(key: [UInt8]) { self.key = SymmetricKey(data: key) }

    package struct Tampered: Error, CustomStringConvertible {
        package var description: String { "stored document failed its integrity check" }
    }

    package func seal(_ bytes: [UInt8], key blobKey: String) throws -> [UInt8] {
        // The blob's name is authenticated too, so ciphertexts cannot be swapped between documents.
        Array(try AES.GCM.seal(bytes, using: key, authenticating: Data(blobKey.utf8)).combined ?? Data())
    }

    package func open(_ sealed: [UInt8], key blobKey: String) throws -> [UInt8] {
        do {
            let box = try AES.GCM.SealedBox(combined: sealed)
            return Array(try AES.GCM.open(box, using: key, authenticating: Data(blobKey.utf8)))
        } catch {
            throw Tampered()
        }
    }
}

package struct FileBlobStore: BlobStore {
    package let directory: URL
    package let cipher: BlobCipher

    // The file system calls run on NIO's blocking pool: Swift concurrency runs
    // on the event loops (PortalEntrypoint), which must never wait for a disk.
    package func put(_ key: String, _ bytes: [UInt8]) async throws {
        let sealed = Data(try cipher.seal(bytes, key: key))
        let (directory, file) = (directory, url(key))
        try await NIOThreadPool.singleton.runIfActive {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try sealed.write(to: file, options: [.atomic])
        }
    }

    package func get(_ key: String) async throws -> [UInt8]? {
        let path = url(key).path
        guard let data = try await NIOThreadPool.singleton.runIfActive({ FileManager.default.contents(atPath: path) }) else { return nil }
        return try cipher.open(Array(data), key: key)
    }

    package func delete(_ key: String) async throws {
        let path = url(key).path
        try await NIOThreadPool.singleton.runIfActive {
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
        }
    }

    package func keys(storedBefore cutoff: Date) async throws -> [String] {
        let directory = directory
        return try await NIOThreadPool.singleton.runIfActive {
            let files = (try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: [.contentModificationDateKey])) ?? []
            return try files.filter { $0.pathExtension == "blob" }.compactMap { file in
                let modified = try file.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate ?? .distantPast
                return modified < cutoff ? file.deletingPathExtension().lastPathComponent : nil
            }
        }
    }

    /// Keys are server-chosen UUIDs; anything else never becomes a path.
    package func url(_ key: String) -> URL {
        directory.appendingPathComponent(key.filter { $0.isHexDigit || $0 == "-" } + ".blob")
    }
}

package struct DatabaseBlobStore: BlobStore {
    package let sql: any SQLDatabase
    package let table: String
    package let cipher: BlobCipher

    package func put(_ key: String, _ bytes: [UInt8]) async throws {
        let sealed = try cipher.seal(bytes, key: key)
        try await sql.delete(from: table).where("key", .equal, key).run()
        try await sql.insert(into: table).columns("key", "data", "stored_at").values(SQLBind(key), SQLBind(Data(sealed)), SQLBind(Date())).run()
    }

    package func keys(storedBefore cutoff: Date) async throws -> [String] {
        // Rows from before migration 0021 have no time: old enough.
        try await sql.select().column("key").from(table)
            .where { $0.where("stored_at", .is, SQLLiteral.null).orWhere("stored_at", .lessThan, SQLBind(cutoff)) }
            .all().map { try $0.decode(column: "key", as: String.self) }
    }

    package func get(_ key: String) async throws -> [UInt8]? {
        guard let row = try await sql.select().column("data").from(table).where("key", .equal, key).first() else { return nil }
        return try cipher.open(Array(try row.decode(column: "data", as: Data.self)), key: key)
    }

    package func delete(_ key: String) async throws {
        try await sql.delete(from: table).where("key", .equal, key).run()
    }
}
