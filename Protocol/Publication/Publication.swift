/// A signed publication: the fields of a change record of entity kind `publication` (PROTOCOL.md, "Publications").
///
/// The server makes one whenever an issue's published content or state changes; field offices receive nothing else.
public struct Publication: Sendable, Hashable {
    /// The issue this publishes (the record's `entity_id`).
    public var issueID: String
    /// The canonical content (see ``PublicationContent``), exactly as signed.
    public var content: JSONValue
    /// 1 for the first publication of the issue, then 2, 3, … for each correction or retraction.
    public var version: Int64
    /// Published or retracted.
    public var status: PublicationStatus
    /// Base64 (RFC 4648, with padding) Ed25519 signature over ``signedMessage``.
    public var signature: String
    /// Which server key made the signature (see ``PublicationPublicKey/keyID``).
    public var keyID: String

    /// The field names of a publication record.
    public enum Field {
        /// The canonical content object.
        public static let content = "content"
        /// The version number.
        public static let version = "version"
        /// `published` or `retracted`.
        public static let state = "state"
        /// The base64 signature.
        public static let signature = "signature"
        /// The signing key's id.
        public static let keyID = "key_id"
    }

    /// Creates a publication.
    public init(
        issueID: String, content: JSONValue, version: Int64, status: PublicationStatus, signature: String,
        keyID: String
    ) {
        self.issueID = issueID
        self.content = content
        self.version = version
        self.status = status
        self.signature = signature
        self.keyID = keyID
    }

    /// Reads a publication from a change record of kind `publication`.
    ///
    /// - Throws: ``PublicationError`` when the record is not a publication or a field is missing or mistyped; an
    ///   absent or empty signature is ``PublicationError/unsigned(issueID:)``.
    public init(record: ChangeRecord) throws(PublicationError) {
        guard record.entity == .publication, record.op != .delete else { throw .notAPublication(record.entity) }
        let fields = record.fields
        guard let content = fields[Field.content], content.objectValue != nil else {
            throw .malformedField(Field.content, "must be an object")
        }
        guard let version = fields[Field.version]?.intValue, version >= 1 else {
            throw .malformedField(Field.version, "must be an integer >= 1")
        }
        guard let stateText = fields[Field.state]?.stringValue, let status = PublicationStatus(rawValue: stateText)
        else { throw .malformedField(Field.state, "must be \"published\" or \"retracted\"") }
        guard let signature = fields[Field.signature]?.stringValue, !signature.isEmpty else {
            throw .unsigned(issueID: record.entityID)
        }
        self.init(
            issueID: record.entityID, content: content, version: version, status: status, signature: signature,
            keyID: fields[Field.keyID]?.stringValue ?? "")
    }

    /// The record's fields.
    public var fields: [String: JSONValue] {
        [
            Field.content: content, Field.version: .int(version), Field.state: .string(status.rawValue),
            Field.signature: .string(signature), Field.keyID: .string(keyID),
        ]
    }

    /// The bytes the signature covers: the canonical JSON (PROTOCOL.md section 15) of the object
    /// `{"content": …, "issue_id": …, "state": …, "version": …}`.
    public var signedMessage: [UInt8] {
        Self.signedMessage(issueID: issueID, content: content, version: version, status: status)
    }

    /// The bytes a signature over this content, version and state covers.
    public static func signedMessage(
        issueID: String, content: JSONValue, version: Int64, status: PublicationStatus
    ) -> [UInt8] {
        CanonicalJSON.bytes(
            .object([
                "content": content, "issue_id": .string(issueID), "state": .string(status.rawValue),
                "version": .int(version),
            ]))
    }
}
