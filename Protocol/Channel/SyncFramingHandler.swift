import NIOCore

/// The session-facing half of the Bulletin pipeline: turns raw frames into ``InboundFrame``s, sends the preamble,
/// applies ``RaiseFrameLimits``, and reports fatal framing errors.
///
/// Sits between the frame decoder (towards the socket) and the message encoder (towards the application), so that
/// everything it writes itself — the preamble and `error` frames — is already bytes.
final class SyncFramingHandler: ChannelDuplexHandler {
    typealias InboundIn = FrameDecoderEvent
    typealias InboundOut = InboundFrame
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let role: ProtocolRole
    private let state: FramingState
    private var preambleSent = false
    /// Set once a fatal error has been handled: later errors (the decoder stays in its error state) are dropped.
    private var failed = false

    init(role: ProtocolRole, state: FramingState) {
        self.role = role
        self.state = state
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if role == .client, context.channel.isActive {
            sendPreamble(context: context, flush: true)
        }
    }

    func channelActive(context: ChannelHandlerContext) {
        if role == .client {
            sendPreamble(context: context, flush: true)
        }
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !failed else { return }
        switch unwrapInboundIn(data) {
        case .preambleAccepted:
            if role == .server {
                sendPreamble(context: context, flush: true)
            }
        case .frame(let frame):
            do {
                let message = try state.codec.decode(frame)
                context.fireChannelRead(wrapInboundOut(.message(message)))
            } catch let error as ProtocolError where !error.code.closesConnection {
                context.fireChannelRead(wrapInboundOut(.invalid(error)))
            } catch let error as ProtocolError {
                fail(context: context, with: error)
            } catch {
                fail(context: context, with: .invalidJSON("unexpected decoding failure: \(error)"))
            }
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if let error = error as? ProtocolError {
            fail(context: context, with: error)
        } else if error is ByteToMessageDecoderError.PayloadTooLargeError {
            // The decoder rejects over-limit lengths before buffering them, so this is only a safety net.
            let limit = state.codec.limits.maxFrameBytes
            fail(context: context, with: .frameTooLarge(length: state.maximumBufferSize, limit: limit))
        } else if case ByteToMessageDecoderError.dataReceivedInErrorState = error, failed {
            return
        } else {
            context.fireErrorCaught(error)
        }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if role == .server, !preambleSent {
            sendPreamble(context: context, flush: false)
        }
        context.write(data, promise: promise)
    }

    func triggerUserOutboundEvent(context: ChannelHandlerContext, event: Any, promise: EventLoopPromise<Void>?) {
        guard let raise = event as? RaiseFrameLimits else {
            context.triggerUserOutboundEvent(event, promise: promise)
            return
        }
        guard raise.limits.maxFrameBytes <= state.maxFrameBytesCeiling else {
            promise?.fail(FrameLimitsError.aboveBufferCeiling(
                requested: raise.limits.maxFrameBytes, ceiling: state.maxFrameBytesCeiling))
            return
        }
        state.codec.limits = raise.limits
        promise?.succeed()
    }

    private func sendPreamble(context: ChannelHandlerContext, flush: Bool) {
        guard !preambleSent else { return }
        preambleSent = true
        context.write(wrapOutboundOut(context.channel.allocator.buffer(bytes: FrameCodec.preamble)), promise: nil)
        if flush {
            context.flush()
        }
    }

    /// Reports a fatal error upward, tells a client peer what went wrong (server role), and closes.
    private func fail(context: ChannelHandlerContext, with error: ProtocolError) {
        guard !failed else { return }
        failed = true
        context.fireErrorCaught(error)
        guard role == .server else {
            context.close(promise: nil)
            return
        }
        sendPreamble(context: context, flush: false)
        var buffer = context.channel.allocator.buffer(capacity: 256)
        state.codec.write(.error(error.errorMessage), into: &buffer)
        // Close only once the error frame has left, so that the peer can read why.
        context.writeAndFlush(wrapOutboundOut(buffer)).assumeIsolated().whenComplete { _ in
            context.close(promise: nil)
        }
    }
}
