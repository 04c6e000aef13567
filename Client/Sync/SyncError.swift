import SyncProtocol

/// Why a sync did not complete, in words an editor or an operator can act on.
public enum SyncError: Error, Sendable, CustomStringConvertible {
    /// The `--server` value is not `HOST:PORT`.
    case invalidAddress(String)
    /// No server address was given and none is remembered in the store.
    case noServerConfigured
    /// The TCP connection could not be made.
    case connectionFailed(address: String, reason: String)
    /// The connection closed before the exchange finished.
    case connectionClosed
    /// The peer sent bytes that break the protocol.
    case protocolViolation(ProtocolError)
    /// The server answered with an `error` message.
    case server(ErrorMessage)
    /// The server sent a message that does not fit the exchange.
    case unexpectedMessage(expected: String, got: String)
    /// The server did not answer in time.
    case timedOut(String)

    /// Whether a later attempt may succeed (used by `--watch` to decide whether to reconnect).
    public var isRetryable: Bool {
        switch self {
        case .invalidAddress, .noServerConfigured: false
        case .connectionFailed, .connectionClosed, .timedOut: true
        case .protocolViolation: false
        case .server(let error): error.retryable
        case .unexpectedMessage: false
        }
    }

    /// One line for the editor.
    public var description: String {
        switch self {
        case .invalidAddress(let text): "invalid server address '\(text)': expected HOST:PORT"
        case .noServerConfigured: "no server address: pass --server HOST:PORT once; it is remembered in the store"
        case .connectionFailed(let address, let reason): "cannot connect to \(address): \(reason)"
        case .connectionClosed: "the server closed the connection before the sync finished; run sync again"
        case .protocolViolation(let error): "the server broke the protocol: \(error)"
        case .server(let error): "server error \(error.name) (\(error.code)): \(error.message)"
        case .unexpectedMessage(let expected, let got): "expected '\(expected)' from the server, got '\(got)'"
        case .timedOut(let what): "timed out waiting for \(what)"
        }
    }
}
