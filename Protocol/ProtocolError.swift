/// The stable error codes of protocol v1: the numeric code and symbolic name never change meaning.
///
/// 1xx: framing, 2xx: messages, 3xx: session, 4xx: access, 5xx: server.
public enum ErrorCode: Int, Sendable, CaseIterable, CustomStringConvertible {
    /// The first 4 bytes were not `BSYN`.
    case badPreamble = 100
    /// A frame's flags had a reserved bit set, or its length was 0.
    case malformedFrame = 101
    /// A frame's length exceeded the receiver's limit.
    case frameTooLarge = 102
    /// The zlib payload was truncated or corrupt.
    case decompressionFailed = 103
    /// The payload inflated past the receiver's limit.
    case decompressedTooLarge = 104
    /// The payload was not valid UTF-8.
    case invalidUTF8 = 200
    /// The payload was not one JSON object.
    case invalidJSON = 201
    /// A field was missing or of the wrong type.
    case invalidMessage = 202
    /// The `type` is not one this peer knows; the connection stays open.
    case unsupportedMessage = 203
    /// No protocol version in common.
    case unsupportedVersion = 300
    /// A message that is not allowed in the connection's current state (e.g. `push` before `hello`).
    case unexpectedMessage = 301
    /// A `push` carried more changes than the announced limit.
    case batchTooLarge = 302
    /// No valid credentials.
    case unauthenticated = 400
    /// Authenticated, but not allowed to do this.
    case forbidden = 401
    /// Too many failed attempts; slow down.
    case rateLimited = 402
    /// Something failed on the server; the request may succeed later.
    case internalError = 500
    /// The server is shutting down.
    case shuttingDown = 501

    /// The symbolic name, e.g. `unsupported_version`.
    public var name: String {
        switch self {
        case .badPreamble: "bad_preamble"
        case .malformedFrame: "malformed_frame"
        case .frameTooLarge: "frame_too_large"
        case .decompressionFailed: "decompression_failed"
        case .decompressedTooLarge: "decompressed_too_large"
        case .invalidUTF8: "invalid_utf8"
        case .invalidJSON: "invalid_json"
        case .invalidMessage: "invalid_message"
        case .unsupportedMessage: "unsupported_message"
        case .unsupportedVersion: "unsupported_version"
        case .unexpectedMessage: "unexpected_message"
        case .batchTooLarge: "batch_too_large"
        case .unauthenticated: "unauthenticated"
        case .forbidden: "forbidden"
        case .rateLimited: "rate_limited"
        case .internalError: "internal_error"
        case .shuttingDown: "shutting_down"
        }
    }

    /// Whether retrying the same thing later may succeed.
    public var retryable: Bool {
        switch self {
        case .rateLimited, .internalError, .shuttingDown: true
        default: false
        }
    }

    /// Whether the connection must be closed after this error is sent.
    public var closesConnection: Bool {
        switch self {
        case .unsupportedMessage, .invalidMessage, .batchTooLarge, .forbidden, .unexpectedMessage: false
        default: true
        }
    }

    /// `name (code)`.
    public var description: String { "\(name) (\(rawValue))" }

    /// Looks a code up by its symbolic name.
    public init?(name: String) {
        guard let match = ErrorCode.allCases.first(where: { $0.name == name }) else { return nil }
        self = match
    }
}

/// A protocol violation found while reading a peer's bytes; each maps to one ``ErrorCode``.
public enum ProtocolError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The first 4 bytes were not `BSYN`.
    case badPreamble
    /// A frame's flags byte had a reserved bit set.
    case reservedFlags(UInt8)
    /// A frame's length field was 0.
    case emptyFrame
    /// A frame's length field exceeded the limit.
    case frameTooLarge(length: Int, limit: Int)
    /// The zlib payload was corrupt, truncated, or followed by extra bytes.
    case decompressionFailed(String)
    /// The payload inflated (or was) past the limit.
    case decompressedTooLarge(limit: Int)
    /// The payload was not valid UTF-8.
    case invalidUTF8
    /// The payload was not exactly one JSON object.
    case invalidJSON(String)
    /// A member was missing, null where required, or of the wrong type or value.
    case invalidMessage(String)
    /// The `type` is not one this peer knows (the connection stays open).
    case unsupportedMessage(String)
    /// No protocol version in common.
    case unsupportedVersion(offered: [Int], supported: [Int])

    /// The wire error code this violation is reported with.
    public var code: ErrorCode {
        switch self {
        case .badPreamble: .badPreamble
        case .reservedFlags, .emptyFrame: .malformedFrame
        case .frameTooLarge: .frameTooLarge
        case .decompressionFailed: .decompressionFailed
        case .decompressedTooLarge: .decompressedTooLarge
        case .invalidUTF8: .invalidUTF8
        case .invalidJSON: .invalidJSON
        case .invalidMessage: .invalidMessage
        case .unsupportedMessage: .unsupportedMessage
        case .unsupportedVersion: .unsupportedVersion
        }
    }

    /// A sentence a person can act on.
    public var description: String {
        switch self {
        case .badPreamble: "the connection did not start with the BSYN preamble; is this a BulletinSync peer?"
        case .reservedFlags(let flags): "frame flags \(flags) set reserved bits; only bit 0 (zlib) is defined"
        case .emptyFrame: "frame length 0 is invalid; the length counts the flags byte"
        case .frameTooLarge(let length, let limit): "frame of \(length) bytes exceeds the limit of \(limit) bytes"
        case .decompressionFailed(let why): "compressed payload is corrupt or truncated: \(why)"
        case .decompressedTooLarge(let limit): "payload inflates past the limit of \(limit) bytes"
        case .invalidUTF8: "payload is not valid UTF-8"
        case .invalidJSON(let why): "payload is not a JSON object: \(why)"
        case .invalidMessage(let why): "message is missing a field or has one of the wrong type: \(why)"
        case .unsupportedMessage(let type): "message type '\(type)' is not supported"
        case .unsupportedVersion(let offered, let supported):
            "no common protocol version: offered \(offered), server supports \(supported)"
        }
    }

    /// The `error` message that reports this violation to the peer.
    public var errorMessage: ErrorMessage {
        ErrorMessage(code: code.rawValue, name: code.name, message: description, retryable: code.retryable)
    }
}

extension ErrorMessage {
    /// Makes an `error` message for a code, with a message for a person.
    public init(_ code: ErrorCode, _ message: String) {
        self.init(code: code.rawValue, name: code.name, message: message, retryable: code.retryable)
    }
}
