import BulletinCore
import Foundation
import SyncProtocol

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The file in the data directory that holds the server's publication signing key: the base64 of the 32-byte raw
/// Ed25519 private key and a newline, readable by its owner only (mode 0600).
///
/// Made on first open: written to a private temporary file, then hard-linked into place, so that two processes
/// starting at once (say `serve` and `user add`) agree on one key and nobody ever reads a half-written file.
public enum PublicationKeyFile {
    /// The key file's name inside the data directory.
    public static let fileName = "publication-signing-key"

    /// Reads the key in `directory`, making it first if there is none.
    ///
    /// - Throws: ``PublicationKeyFileError`` when the file cannot be made or read, is readable by others than its
    ///   owner, or does not hold a key.
    public static func loadOrCreate(directory: String) throws -> PublicationSigningKey {
        let path = (directory as NSString).appendingPathComponent(fileName)
        if !FileManager.default.fileExists(atPath: path) {
            try create(at: path)
        }
        return try load(from: path)
    }

    private static func load(from path: String) throws -> PublicationSigningKey {
        var info = stat()
        guard stat(path, &info) == 0 else { throw PublicationKeyFileError.unreadable(path, errno: errno) }
        let mode = Int(info.st_mode) & 0o777
        guard mode & 0o077 == 0 else { throw PublicationKeyFileError.tooOpen(path, mode: mode) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PublicationKeyFileError.unreadable(path, errno: errno)
        }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let raw = Data(base64Encoded: text), let key = try? PublicationSigningKey(rawRepresentation: Array(raw))
        else { throw PublicationKeyFileError.malformed(path) }
        return key
    }

    private static func create(at path: String) throws {
        let text = Data(PublicationSigningKey.generate().rawRepresentation).base64EncodedString() + "\n"
        do {
            // `.keep`: whoever links first has made the key; everyone else reads theirs.
            try AtomicFile.write(Array(text.utf8), to: path, mode: 0o600, existing: .keep)
        } catch let error as AtomicFileError {
            throw PublicationKeyFileError.unwritable(path, errno: error.errorNumber)
        }
    }
}

/// Why the publication signing key could not be used.
public enum PublicationKeyFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file could not be written.
    case unwritable(String, errno: Int32)
    /// The file could not be read.
    case unreadable(String, errno: Int32)
    /// Others than the owner may read or write the file.
    case tooOpen(String, mode: Int)
    /// The file does not hold a key.
    case malformed(String)

    /// A sentence a person can act on.
    public var description: String {
        switch self {
        case .unwritable(let path, let code):
            "cannot write the publication signing key \(path): \(String(cString: strerror(code)))"
        case .unreadable(let path, let code):
            "cannot read the publication signing key \(path): \(String(cString: strerror(code)))"
        case .tooOpen(let path, let mode):
            "the publication signing key \(path) has mode \(String(mode, radix: 8)); it must be readable by its "
                + "owner only: run `chmod 600 \(path)`"
        case .malformed(let path):
            "\(path) does not hold a publication signing key (base64 of 32 bytes); restore it from a backup, or "
                + "delete it to make a new key (field offices must then pin the new key)"
        }
    }
}
