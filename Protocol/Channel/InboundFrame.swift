/// What the Bulletin pipeline delivers upward for each frame it reads.
///
/// Fatal framing problems (bad preamble, reserved flags, empty or over-limit length, corrupt or over-limit zlib,
/// invalid UTF-8, invalid JSON) never arrive here: they are thrown through the pipeline as ``ProtocolError`` and
/// the connection is closed.
public enum InboundFrame: Sendable, Hashable {
    /// A well-formed v1 message.
    case message(Message)
    /// A frame that was well-formed JSON but not a message this peer can use (unknown `type`, missing or wrongly
    /// typed field). The connection stays open; the receiver should answer with `error` (``ProtocolError/code``).
    case invalid(ProtocolError)
}
