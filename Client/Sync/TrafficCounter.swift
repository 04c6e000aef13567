import NIOCore
import Synchronization

/// Counts the bytes a connection moves on the wire; shared between the channel and the code reporting them.
public final class TrafficCounter: Sendable {
    private let counts = Mutex<(sent: Int, received: Int, payload: Int)>((0, 0, 0))

    /// Creates a counter at zero.
    public init() {}

    /// Bytes written to the socket so far.
    public var bytesSent: Int { counts.withLock { $0.sent } }
    /// Bytes read from the socket so far.
    public var bytesReceived: Int { counts.withLock { $0.received } }
    /// Uncompressed JSON payload bytes of the frames sent and received so far.
    public var payloadBytes: Int { counts.withLock { $0.payload } }

    fileprivate func add(sent: Int = 0, received: Int = 0) {
        counts.withLock {
            $0.sent += sent
            $0.received += received
        }
    }

    /// Adds the uncompressed size of one frame's payload.
    public func addPayload(_ bytes: Int) {
        counts.withLock { $0.payload += bytes }
    }

    /// A handler to put first in a pipeline (next to the socket) that feeds this counter.
    public func makeHandler() -> some ChannelDuplexHandler & Sendable {
        TrafficCountingHandler(counter: self)
    }
}

/// Passes bytes through unchanged, counting them.
private final class TrafficCountingHandler: ChannelDuplexHandler, Sendable {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    let counter: TrafficCounter

    init(counter: TrafficCounter) {
        self.counter = counter
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        counter.add(received: unwrapInboundIn(data).readableBytes)
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        counter.add(sent: unwrapOutboundIn(data).readableBytes)
        context.write(data, promise: promise)
    }
}
