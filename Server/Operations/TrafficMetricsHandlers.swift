import NIOCore
import SyncProtocol

/// Counts the bytes a connection moves on the wire (before inflation, after deflation; TLS records included).
final class WireBytesHandler: ChannelDuplexHandler, Sendable {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let metrics: ServerMetrics

    init(metrics: ServerMetrics) {
        self.metrics = metrics
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        metrics.wireReceivedBytes.increment(by: unwrapInboundIn(data).readableBytes)
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        metrics.wireSentBytes.increment(by: unwrapOutboundIn(data).readableBytes)
        context.write(data, promise: promise)
    }
}

/// Counts the messages a session receives and sends, by type, and the frames refused, by error code.
final class MessageCountingHandler: ChannelDuplexHandler, Sendable {
    typealias InboundIn = InboundFrame
    typealias InboundOut = InboundFrame
    typealias OutboundIn = Message
    typealias OutboundOut = Message

    private let metrics: ServerMetrics

    init(metrics: ServerMetrics) {
        self.metrics = metrics
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .message(let message):
            metrics.count("bulletin_messages_received_total", [("type", message.type)])
        case .invalid(let error):
            metrics.count("bulletin_frames_refused_total", [("code", error.code.name)])
        }
        context.fireChannelRead(data)
    }

    /// Fatal framing errors (a bad preamble, a malformed or oversized frame) come as errors, not frames: the
    /// framing handler has answered and is closing the connection.
    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if let error = error as? ProtocolError {
            metrics.count("bulletin_frames_refused_total", [("code", error.code.name)])
        }
        context.fireErrorCaught(error)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        metrics.count("bulletin_messages_sent_total", [("type", unwrapOutboundIn(data).type)])
        context.write(data, promise: promise)
    }
}
