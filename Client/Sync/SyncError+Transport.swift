import NIOCore
import NIOPosix
import NIOSSL
import SyncProtocol

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension SyncError {
    /// The ``SyncError`` for an error of the connection underneath (NIO's channel, socket and TLS errors, the
    /// protocol's framing errors), or `nil` when `error` is not about the connection (a store error, say).
    ///
    /// - Parameter address: The server, `HOST:PORT`, named in failures to connect.
    public init?(transportError error: any Error, address: String = "the server") {
        switch error {
        case let error as SyncError:
            self = error
        case let error as ProtocolError:
            self = .protocolViolation(error)
        case let error as IOError:
            self = Self.socket(errno: error.errnoCode, address: address)
        case let error as NIOConnectionError:
            if let first = error.connectionErrors.first {
                self =
                    SyncError(transportError: first.error, address: address)
                    ?? .connectionFailed(address: address, reason: "\(first.error)")
            } else {
                self = .connectionFailed(
                    address: address, reason: "the host name \(error.host) could not be resolved; check the address")
            }
        case let error as ChannelError:
            if case .connectTimeout = error {
                self = .timedOut("a connection to \(address)")
            } else {
                // I/O on a closed channel, output or input closed, end of file: the peer went away.
                self = .connectionClosed
            }
        case is NIOSSLError, is BoringSSLError, is NIOSSLExtraError:
            self = .tlsFailed(address: address, reason: Self.tlsReason(error))
        case is NIOAsyncWriterError:
            self = .connectionClosed
        default:
            return nil
        }
    }

    /// What a TLS failure means, in a few words (BoringSSL's own text is for developers).
    static func tlsReason(_ error: any Error) -> String {
        let text = "\(error)"
        if text.contains("WRONG_VERSION_NUMBER") || text.contains("HTTP_REQUEST") || text.contains("PACKET_LENGTH") {
            return "the server does not speak TLS (this store connects with TLS since `bulletin init --tls`)"
        }
        if text.contains("CERTIFICATE_VERIFY_FAILED") || text.contains("certificate") {
            return "the server's certificate is not signed by a CA this store trusts (the system's, or --ca FILE)"
        }
        if text.contains("ailedToValidateHostname") || text.contains("hostname") {
            return "the server's certificate does not name the host or address dialled"
        }
        if let range = text.range(of: "OPENSSL_internal:") {
            let code = text[range.upperBound...].prefix { $0.isLetter || $0 == "_" }
            return "TLS error \(code.lowercased())"
        }
        return "the TLS connection failed"
    }

    private static func socket(errno code: Int32, address: String) -> SyncError {
        switch code {
        case ECONNREFUSED: .connectionRefused(address: address)
        case ECONNRESET, EPIPE, ECONNABORTED: .connectionReset
        case ETIMEDOUT: .timedOut("a connection to \(address)")
        case ENETUNREACH, EHOSTUNREACH, ENETDOWN, EHOSTDOWN:
            .connectionFailed(
                address: address,
                reason: "the network or the host is unreachable; check your "
                    + "connection and the address, then run sync again")
        default:
            .connectionFailed(
                address: address,
                reason: String(cString: strerror(code)).lowercased()
                    + "; check the address and your connection, then run sync again")
        }
    }
}
