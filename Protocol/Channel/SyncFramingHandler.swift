import NIOCore

/// The session-facing half of the Bulletin pipeline: turns raw frames into ``InboundFrame``s, sends the preamble,
/// applies ``RaiseFrameLimits``, and reports fatal framing errors.
///
/// Sits between the frame decoder (towards the socket) and the message encoder (towards the application), so that
/// everything it writes itself — the preamble and `error` frames — is already bytes.
///
/// With a ``FrameDecodingOffload``, large frames are inflated and parsed off the event loop, so that one peer's
/// 64 MiB payload never delays the other connections on the loop (nor their deadlines). Order is kept: while a
/// frame is decoded elsewhere, later frames and events wait here, and reading from the socket pauses.
final class SyncFramingHandler: ChannelDuplexHandler {
    typealias InboundIn = FrameDecoderEvent
    typealias InboundOut = InboundFrame
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let role: ProtocolRole
    private let state: FramingState
    private let offload: FrameDecodingOffload?
    private var preambleSent = false
    /// Set once a fatal error has been handled: later errors (the decoder stays in its error state) are dropped.
    private var failed = false
    /// Whether a frame is being decoded off the event loop.
    private var decodingElsewhere = false
    /// What arrived while a frame was decoded elsewhere, in order.
    private var waiting = CircularBuffer<Waiting>()
    /// Whether the application asked to read while a frame was decoded elsewhere.
    private var readRequested = false

    /// An inbound event held back behind a frame decoded off the loop.
    private enum Waiting {
        case frame(RawFrame)
        case inactive
        case userEvent(Any)
    }

    init(role: ProtocolRole, state: FramingState, offload: FrameDecodingOffload? = nil) {
        self.role = role
        self.state = state
        self.offload = offload
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
            if decodingElsewhere || !waiting.isEmpty {
                waiting.append(.frame(frame))
            } else {
                receive(frame, context: context)
            }
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        if decodingElsewhere || !waiting.isEmpty {
            waiting.append(.inactive)
        } else {
            context.fireChannelInactive()
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if decodingElsewhere || !waiting.isEmpty {
            waiting.append(.userEvent(event))
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }

    func read(context: ChannelHandlerContext) {
        // Backpressure: no more bytes from the socket until the frame being decoded elsewhere is delivered.
        if decodingElsewhere {
            readRequested = true
        } else {
            context.read()
        }
    }

    /// Decodes a frame here, or off the loop when it is large and an offload is configured.
    private func receive(_ frame: RawFrame, context: ChannelHandlerContext) {
        guard !failed else { return }
        let codec = state.codec
        guard let offload, offload.shouldOffload(frame) else {
            deliver(Result { try codec.decode(frame) }, context: context)
            return
        }
        decodingElsewhere = true
        let loop = context.eventLoop
        let bound = NIOLoopBound((self, context), eventLoop: loop)
        offload.run {
            let result = Result { try codec.decode(frame) }
            loop.execute {
                let (handler, context) = bound.value
                handler.decodedElsewhere(result, context: context)
            }
        }
    }

    private func decodedElsewhere(_ result: Result<Message, any Error>, context: ChannelHandlerContext) {
        decodingElsewhere = false
        deliver(result, context: context)
        while !decodingElsewhere, let next = waiting.popFirst() {
            switch next {
            case .frame(let frame): receive(frame, context: context)
            case .inactive: context.fireChannelInactive()
            case .userEvent(let event): context.fireUserInboundEventTriggered(event)
            }
        }
        // This runs outside the socket's read cycle: say the batch is complete, or handlers that collect reads
        // until then (NIOAsyncChannel's) would hold the message.
        context.fireChannelReadComplete()
        if !decodingElsewhere, readRequested {
            readRequested = false
            context.read()
        }
    }

    /// Passes a decoded frame up, answers a recoverable error upward as ``InboundFrame/invalid(_:)``, or fails.
    private func deliver(_ result: Result<Message, any Error>, context: ChannelHandlerContext) {
        guard !failed else { return }
        do {
            let message = try result.get()
            context.fireChannelRead(wrapInboundOut(.message(message)))
        } catch let error as ProtocolError where !error.code.closesConnection {
            context.fireChannelRead(wrapInboundOut(.invalid(error)))
        } catch let error as ProtocolError {
            fail(context: context, with: error)
        } catch {
            fail(context: context, with: .invalidJSON("unexpected decoding failure: \(error)"))
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
            promise?.fail(
                FrameLimitsError.aboveBufferCeiling(
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
