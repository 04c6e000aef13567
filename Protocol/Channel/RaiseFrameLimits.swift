/// Outbound user event that switches a Bulletin pipeline's decoders to new limits, typically once the peer has
/// authenticated: `channel.triggerUserOutboundEvent(RaiseFrameLimits(limits: .standard))`.
///
/// Frames already decoded keep the limits they were read with. The event's promise fails with
/// ``FrameLimitsError/aboveBufferCeiling(requested:ceiling:)`` when `limits.maxFrameBytes` exceeds the buffer ceiling
/// fixed when the handlers were added (see
/// ``NIOCore/ChannelPipeline/SynchronousOperations/addBulletinSyncHandlers(role:limits:codec:)``).
public struct RaiseFrameLimits: Sendable {
    /// The limits to apply to frames read from now on.
    public var limits: FrameLimits

    /// Creates the event.
    public init(limits: FrameLimits) {
        self.limits = limits
    }
}

/// Why new frame limits could not be applied to a pipeline.
public enum FrameLimitsError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The requested frame limit is larger than the buffer cap the pipeline was built with.
    case aboveBufferCeiling(requested: Int, ceiling: Int)

    /// A sentence a person can act on.
    public var description: String {
        switch self {
        case .aboveBufferCeiling(let requested, let ceiling):
            "cannot raise the frame limit to \(requested) bytes: the pipeline was built for at most \(ceiling); "
                + "pass a FrameCodec whose limits are the largest ones to addBulletinSyncHandlers"
        }
    }
}
