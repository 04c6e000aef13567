import NIOCore

extension ChannelPipeline.SynchronousOperations {
    /// Adds the Bulletin protocol handlers, after which the channel reads ``InboundFrame`` and writes ``Message``
    /// (wrap it as `NIOAsyncChannel<InboundFrame, Message>`).
    ///
    /// The pipeline checks the `BSYN` preamble (a client sends its own on connect; a server answers a valid one),
    /// reads frames within `limits`, inflates and parses them, and encodes outbound messages with `codec`'s
    /// compression settings. A fatal framing error is fired as ``ProtocolError`` through `errorCaught`; a server
    /// first sends the matching `error` frame; then the channel closes.
    ///
    /// - Parameters:
    ///   - role: Which end of the connection this channel is.
    ///   - limits: The limits to start with; servers pass ``FrameLimits/preAuthentication`` and send
    ///     ``RaiseFrameLimits`` once the peer has authenticated.
    ///   - codec: Compression settings for outbound frames. Its `limits`, and ``FrameLimits/standard``, also set
    ///     how far ``RaiseFrameLimits`` may raise the frame limit later (buffers are capped accordingly).
    ///   - offload: Where large frames are inflated and parsed, off the event loop (servers: so that one peer's
    ///     large frame never delays the other connections); `nil` decodes every frame on the loop.
    /// - Throws: If the handlers cannot be added.
    public func addBulletinSyncHandlers(
        role: ProtocolRole, limits: FrameLimits, codec: FrameCodec = FrameCodec(),
        offload: FrameDecodingOffload? = nil
    ) throws {
        let ceiling = max(limits.maxFrameBytes, codec.limits.maxFrameBytes, FrameLimits.standard.maxFrameBytes)
        var current = codec
        current.limits = limits
        let state = FramingState(codec: current, maxFrameBytesCeiling: ceiling)
        try addHandler(
            ByteToMessageHandler(FrameDecoder(state: state), maximumBufferSize: state.maximumBufferSize),
            name: "bulletin.frame-decoder")
        try addHandler(SyncFramingHandler(role: role, state: state, offload: offload), name: "bulletin.framing")
        try addHandler(
            MessageToByteHandler(MessageFrameEncoder(codec: current), desiredBufferCapacity: 64 << 10),
            name: "bulletin.message-encoder")
    }
}
