import SyncProtocol

/// Why a sync did not complete, in words an editor or an operator can act on: the one error type of the client's
/// connections. Every transport failure (refused, reset, closed, timed out, TLS) is one of these cases — never a
/// raw NIO error — with a stable ``code`` that front ends may translate.
public enum SyncError: Error, Sendable, CustomStringConvertible {
    /// The `--server` value is not `HOST:PORT`.
    case invalidAddress(String)
    /// No server address was given and none is remembered in the store.
    case noServerConfigured
    /// Nothing listens at the address: the connection was refused.
    case connectionRefused(address: String)
    /// The connection could not be made for another reason (host unknown or unreachable, an unusable CA file).
    case connectionFailed(address: String, reason: String)
    /// The TLS handshake failed: the server's certificate is not trusted, or the server does not speak TLS.
    case tlsFailed(address: String, reason: String)
    /// The server (or something between) closed the connection before the exchange finished.
    case connectionClosed
    /// The connection was reset (cut) before the exchange finished.
    case connectionReset
    /// The peer sent bytes that break the protocol.
    case protocolViolation(ProtocolError)
    /// The server answered with an `error` message.
    case server(ErrorMessage)
    /// The server sent a message that does not fit the exchange.
    case unexpectedMessage(expected: String, got: String)
    /// The server did not answer in time; the value names what was awaited.
    case timedOut(String)

    /// A stable, symbolic name for the kind of failure, for programs and translations (README, "Exit codes"):
    /// `invalid_address`, `no_server`, `connection_refused`, `connection_failed`, `tls_failed`, `connection_closed`,
    /// `connection_reset`, `protocol_violation`, `timeout`, or `server_` followed by the wire error's name (PROTOCOL.md
    /// section 13), e.g. `server_unauthenticated`.
    public var code: String {
        switch self {
        case .invalidAddress: "invalid_address"
        case .noServerConfigured: "no_server"
        case .connectionRefused: "connection_refused"
        case .connectionFailed: "connection_failed"
        case .tlsFailed: "tls_failed"
        case .connectionClosed: "connection_closed"
        case .connectionReset: "connection_reset"
        case .protocolViolation, .unexpectedMessage: "protocol_violation"
        case .server(let error): "server_" + error.name
        case .timedOut: "timeout"
        }
    }

    /// Whether a later attempt may succeed (used by `--watch` to decide whether to reconnect).
    public var isRetryable: Bool {
        switch self {
        case .invalidAddress, .noServerConfigured: false
        case .connectionRefused, .connectionFailed, .connectionClosed, .connectionReset, .timedOut: true
        case .tlsFailed: false
        case .protocolViolation: false
        case .server(let error): error.retryable
        case .unexpectedMessage: false
        }
    }

    /// One line for the editor: what happened, then what to do.
    public var description: String {
        switch self {
        case .invalidAddress(let text):
            "invalid server address '\(text)': expected HOST:PORT"
        case .noServerConfigured:
            "no server address: pass --server HOST:PORT once; it is remembered in the store"
        case .connectionRefused(let address):
            "cannot connect to \(address): nothing accepts connections there (connection refused); check the "
                + "address and that bulletin-server is running, then run sync again"
        case .connectionFailed(let address, let reason):
            "cannot connect to \(address): \(reason)"
        case .tlsFailed(let address, let reason):
            "cannot connect to \(address): the TLS handshake failed: \(reason); check the store's --tls and --ca "
                + "against the server's setup"
        case .connectionClosed:
            "the server closed the connection before the sync finished; nothing was lost: run sync again"
        case .connectionReset:
            "the connection to the server was cut (reset) before the sync finished; nothing was lost: run sync again"
        case .protocolViolation(.badPreamble):
            "the server did not answer as a bulletin server does: check the address (and --tls: a TLS server "
                + "needs a store made with `bulletin init --tls`)"
        case .protocolViolation(let error):
            "the server broke the protocol (\(error)); check that the address is a bulletin server of a matching "
                + "version"
        case .server(let error):
            "server error \(error.name) (\(error.code)): \(error.message)"
        case .unexpectedMessage(let expected, let got):
            "expected '\(expected)' from the server, got '\(got)'; check that the address is a bulletin server of a "
                + "matching version"
        case .timedOut(let what):
            "no answer from the server in time (waiting for \(what)); the network or the server is stalled: check "
                + "them and run sync again"
        }
    }
}
