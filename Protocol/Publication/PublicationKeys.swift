import Crypto
import Foundation

/// The server's Ed25519 key that signs publications. Holds the raw private key bytes (the key type itself is not
/// `Sendable`); a signing key is rebuilt for each signature, which costs microseconds.
public struct PublicationSigningKey: Sendable {
    /// The 32-byte raw private key.
    public let rawRepresentation: [UInt8]

    /// A new random key.
    public static func generate() -> PublicationSigningKey {
        PublicationSigningKey(checked: Array(Curve25519.Signing.PrivateKey().rawRepresentation))
    }

    /// A key from its 32 raw bytes.
    ///
    /// - Throws: ``PublicationError/invalidKey(_:)`` when the bytes are not an Ed25519 private key.
    public init(rawRepresentation: [UInt8]) throws(PublicationError) {
        do {
            _ = try Curve25519.Signing.PrivateKey(rawRepresentation: rawRepresentation)
        } catch {
            throw .invalidKey("not a 32-byte Ed25519 private key")
        }
        self.init(checked: rawRepresentation)
    }

    private init(checked raw: [UInt8]) {
        rawRepresentation = raw
    }

    /// The matching public key, which field offices pin.
    public var publicKey: PublicationPublicKey {
        // The raw bytes were validated when this value was made.
        let key = (try? Curve25519.Signing.PrivateKey(rawRepresentation: rawRepresentation))?.publicKey
        return PublicationPublicKey(checked: Array(key?.rawRepresentation ?? Data()))
    }

    /// Signs a publication of `content` at `version` in `status`.
    ///
    /// - Throws: ``PublicationError`` when the content cannot be canonicalised or the key cannot sign.
    public func sign(
        issueID: String, content: JSONValue, version: Int64, status: PublicationStatus
    ) throws(PublicationError) -> Publication {
        let message = Publication.signedMessage(
            issueID: issueID, content: content, version: version, status: status)
        let signature: Data
        do {
            signature = try Curve25519.Signing.PrivateKey(rawRepresentation: rawRepresentation).signature(for: message)
        } catch {
            throw .invalidKey("the signing key could not sign: \(error)")
        }
        return Publication(
            issueID: issueID, content: content, version: version, status: status,
            signature: signature.base64EncodedString(), keyID: publicKey.keyID)
    }
}

/// A server's publication-verifying key, as a field office pins it.
public struct PublicationPublicKey: Sendable, Hashable, CustomStringConvertible {
    /// The 32-byte raw public key.
    public let rawRepresentation: [UInt8]

    /// Reads a key from its base64 text (what `bulletin-server key show` prints).
    ///
    /// - Throws: ``PublicationError/invalidKey(_:)`` when the text is not base64 of a 32-byte Ed25519 public key.
    public init(base64: String) throws(PublicationError) {
        let text = base64.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let data = Data(base64Encoded: text), data.count == 32,
            (try? Curve25519.Signing.PublicKey(rawRepresentation: data)) != nil
        else { throw .invalidKey("'\(text)' is not the base64 of a 32-byte Ed25519 public key") }
        self.init(checked: Array(data))
    }

    fileprivate init(checked raw: [UInt8]) {
        rawRepresentation = raw
    }

    /// The key as base64 text (standard alphabet, padded): 44 characters.
    public var base64: String { Data(rawRepresentation).base64EncodedString() }

    /// A short id for the key: the first 8 bytes of SHA-256 of the raw key, as 16 lowercase hex digits.
    public var keyID: String {
        SHA256.hash(data: rawRepresentation).prefix(8).map { byte in
            let hex = String(byte, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }.joined()
    }

    /// The base64 text.
    public var description: String { base64 }

    /// Checks that `publication` was signed by this key, over exactly its content, version and state.
    ///
    /// - Throws: ``PublicationError/wrongKey(issueID:keyID:pinned:)`` when it names another key,
    ///   ``PublicationError/invalidSignature(issueID:version:)`` when the signature does not match.
    public func verify(_ publication: Publication) throws(PublicationError) {
        if !publication.keyID.isEmpty, publication.keyID != keyID {
            throw .wrongKey(issueID: publication.issueID, keyID: publication.keyID, pinned: keyID)
        }
        guard let signature = Data(base64Encoded: publication.signature), signature.count == 64 else {
            throw .invalidSignature(issueID: publication.issueID, version: publication.version)
        }
        let message = publication.signedMessage
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: rawRepresentation),
            key.isValidSignature(signature, for: message)
        else { throw .invalidSignature(issueID: publication.issueID, version: publication.version) }
    }

    /// Reads and verifies a publication record, and checks that its content is about the record's issue.
    ///
    /// - Returns: The publication and its parsed content.
    /// - Throws: ``PublicationError`` when the record is malformed, unsigned, signed by another key, tampered with,
    ///   or its content names another issue.
    public func verify(record: ChangeRecord) throws(PublicationError) -> (Publication, PublicationContent) {
        let publication = try Publication(record: record)
        try verify(publication)
        let content = try PublicationContent(json: publication.content)
        guard content.issue.id == publication.issueID else {
            throw .malformedContent(
                "the content is issue \(content.issue.id) but the record is for \(publication.issueID)")
        }
        return (publication, content)
    }
}

/// Why a publication cannot be read or trusted.
public enum PublicationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The record is of another entity kind, or a delete.
    case notAPublication(EntityKind)
    /// A field is missing or of the wrong shape.
    case malformedField(String, String)
    /// The content does not have the canonical layout.
    case malformedContent(String)
    /// The record carries no signature.
    case unsigned(issueID: String)
    /// The record names a signing key other than the pinned one.
    case wrongKey(issueID: String, keyID: String, pinned: String)
    /// The signature does not match the content, version and state under the pinned key: tampered or forged.
    case invalidSignature(issueID: String, version: Int64)
    /// A key could not be read or used.
    case invalidKey(String)

    /// A sentence a person can act on.
    public var description: String {
        switch self {
        case .notAPublication(let kind): "a \(kind.rawValue) record is not a publication"
        case .malformedField(let name, let why): "publication field '\(name)' \(why)"
        case .malformedContent(let why): "publication content is malformed: \(why)"
        case .unsigned(let issueID): "the publication of issue \(issueID) is not signed; refused"
        case .wrongKey(let issueID, let keyID, let pinned):
            "the publication of issue \(issueID) is signed with key \(keyID), not the pinned server key \(pinned); "
                + "refused (if the server's key really changed, pin the new one with `bulletin init --server-key`)"
        case .invalidSignature(let issueID, let version):
            "the signature of issue \(issueID) version \(version) does not match its content: it was altered or "
                + "forged; refused"
        case .invalidKey(let why): "invalid publication key: \(why)"
        }
    }
}
