import NIOCore
import NIOSSL

/// The server's TLS identity: a PEM certificate chain (the server's certificate first) and its PEM private key.
public struct ServerTLS: Sendable, Hashable {
    /// Path of the PEM certificate chain.
    public var certificatePath: String
    /// Path of the PEM private key.
    public var privateKeyPath: String

    /// Creates a TLS identity from two PEM files.
    public init(certificatePath: String, privateKeyPath: String) {
        self.certificatePath = certificatePath
        self.privateKeyPath = privateKeyPath
    }

    /// Loads the files into a TLS context (TLS 1.2 or later).
    ///
    /// - Throws: ``ServerTLSError`` naming the file that could not be used.
    func makeContext() throws -> NIOSSLContext {
        let chain: [NIOSSLCertificate]
        do {
            chain = try NIOSSLCertificate.fromPEMFile(certificatePath)
        } catch {
            throw ServerTLSError.certificate(certificatePath, "\(error)")
        }
        guard !chain.isEmpty else { throw ServerTLSError.certificate(certificatePath, "no certificate in the file") }
        let key: NIOSSLPrivateKey
        do {
            key = try NIOSSLPrivateKey(file: privateKeyPath, format: .pem)
        } catch {
            throw ServerTLSError.privateKey(privateKeyPath, "\(error)")
        }
        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
        configuration.minimumTLSVersion = .tlsv12
        // A peer that leaves without answering our close_notify must not hold its session (and a graceful
        // shutdown) for NIOSSL's default 5 seconds.
        configuration.shutdownTimeout = .seconds(1)
        do {
            return try NIOSSLContext(configuration: configuration)
        } catch {
            throw ServerTLSError.mismatch(certificatePath, privateKeyPath, "\(error)")
        }
    }
}

/// Why the TLS identity could not be loaded.
public enum ServerTLSError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The certificate file could not be read or parsed.
    case certificate(String, String)
    /// The key file could not be read or parsed.
    case privateKey(String, String)
    /// The key does not fit the certificate, or the context could not be made.
    case mismatch(String, String, String)

    /// A sentence a person can act on.
    public var description: String {
        switch self {
        case .certificate(let path, let why): "cannot use the TLS certificate \(path) (PEM expected): \(why)"
        case .privateKey(let path, let why): "cannot use the TLS private key \(path) (PEM expected): \(why)"
        case .mismatch(let certificate, let key, let why):
            "the TLS key \(key) does not fit the certificate \(certificate): \(why)"
        }
    }
}

/// Lets a server close only the input of a TLS connection, which `NIOSSLHandler` does not support.
///
/// Sits right after the TLS handler. On `close(mode: .input)` (a graceful shutdown stops reading requests) it drops
/// further inbound data and tells the handlers after it that the input ended, so the session finishes its current
/// request, says `bye` over TLS and closes, exactly as over plain TCP.
final class TLSInputCloser: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private var inputClosed = false

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !inputClosed else { return }
        context.fireChannelRead(data)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case ChannelEvent.inputClosed = event {
            guard !inputClosed else { return }
            inputClosed = true
        }
        context.fireUserInboundEventTriggered(event)
    }

    func close(context: ChannelHandlerContext, mode: CloseMode, promise: EventLoopPromise<Void>?) {
        guard mode == .input else {
            context.close(mode: mode, promise: promise)
            return
        }
        if !inputClosed {
            inputClosed = true
            context.fireUserInboundEventTriggered(ChannelEvent.inputClosed)
        }
        promise?.succeed()
    }
}
