import NIOConcurrencyHelpers
import NIOCore
import NIOSSL

/// How a client connects with TLS: it verifies the server's certificate against the system's trust roots, or only
/// the CA certificates in ``caFile``, and checks that the certificate names the host (or IP address) it dialled.
public struct ClientTLS: Sendable, Hashable {
    /// A PEM file of CA certificates to trust instead of the system's.
    public var caFile: String?

    /// Creates a TLS setting.
    public init(caFile: String? = nil) {
        self.caFile = caFile
    }

    /// The TLS context (TLS 1.2 or later, full certificate verification).
    ///
    /// - Throws: ``SyncError/connectionFailed(address:reason:)`` when the CA file cannot be used.
    func makeContext(for address: ServerAddress) throws -> NIOSSLContext {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.minimumTLSVersion = .tlsv12
        configuration.certificateVerification = .fullVerification
        do {
            if let caFile {
                configuration.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(caFile))
            }
            return try NIOSSLContext(configuration: configuration)
        } catch {
            let reason =
                caFile.map {
                    "cannot use the TLS CA file \($0): it is not a readable PEM file of certificates; check --ca"
                } ?? "cannot set up TLS with the system's trust roots: \(SyncError.tlsReason(error))"
            throw SyncError.connectionFailed(address: address.description, reason: reason)
        }
    }

    /// The name to send in SNI and verify, or `nil` for an IP address (verified against the peer's address).
    static func serverHostname(_ host: String) -> String? {
        if (try? SocketAddress(ipAddress: host, port: 0)) != nil { return nil }
        return host
    }
}

/// The first connection error seen on a TLS connection, so that a failed handshake is reported as such rather than
/// as a closed connection.
final class TLSFailure: Sendable {
    private let box = NIOLockedValueBox<String?>(nil)

    /// The error, described, if one was recorded.
    var reason: String? { box.withLockedValue { $0 } }

    /// Records `error` if it is a TLS error and none was recorded yet.
    func record(_ error: any Error) {
        guard error is NIOSSLError || error is BoringSSLError || error is NIOSSLExtraError else { return }
        box.withLockedValue { $0 = $0 ?? SyncError.tlsReason(error) }
    }

    /// A handler (placed after the TLS handler) that records the TLS error as it is raised, before the channel
    /// closes, so that a write failing on the closed channel is already explained.
    func makeHandler() -> Recorder { Recorder(failure: self) }

    /// Records TLS errors passing through the pipeline.
    final class Recorder: ChannelInboundHandler, Sendable {
        typealias InboundIn = ByteBuffer

        let failure: TLSFailure

        init(failure: TLSFailure) {
            self.failure = failure
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            failure.record(error)
            context.fireErrorCaught(error)
        }
    }
}
