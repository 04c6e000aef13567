// libFuzzer harness: the server's inbound pipeline (BSYN, frames, zlib, JSON, messages) under the
// before-authentication limits, fed the input whole and in random chunks.
//
// Properties: chunked = whole (same frames, same error, same bytes written back); every byte the server writes
// back is its preamble followed by `error` frames that decode; a fatal error is reported exactly once; the
// pipeline's handlers are freed once the channel is finished.
import Glibc
import NIOCore
import NIOEmbedded

@testable import FuzzedProtocol

/// What the pipeline did with one byte stream.
struct Outcome: Equatable {
    var frames: [InboundFrame] = []
    var error: ErrorCode?
    var written: [UInt8] = []
}

/// A weak reference, to see whether something outlived its owner.
struct Weak<Object: AnyObject> {
    weak var object: Object?
}

/// Feeds `BSYN` + `input` to a fresh server pipeline, in chunks of the sizes `nextChunk` gives; then checks that the
/// pipeline's handler was freed with its channel (a handler kept alive by a cycle is a per-connection leak).
func feed(_ input: UnsafeRawBufferPointer, chunk nextChunk: () -> Int) -> Outcome {
    let (outcome, handler) = feedOnce(input, chunk: nextChunk)
    precondition(handler.object == nil, "the pipeline's handler outlived its finished channel")
    return outcome
}

func feedOnce(
    _ input: UnsafeRawBufferPointer, chunk nextChunk: () -> Int
) -> (Outcome, Weak<SyncFramingHandler>) {
    let channel = EmbeddedChannel()
    let handler: Weak<SyncFramingHandler>
    do {
        try channel.pipeline.syncOperations.addBulletinSyncHandlers(role: .server, limits: .preAuthentication)
        handler = Weak(object: try channel.pipeline.syncOperations.handler(type: SyncFramingHandler.self))
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 1)).wait()
    } catch {
        fatalError("cannot set up the pipeline: \(error)")
    }
    var stream = channel.allocator.buffer(capacity: FrameCodec.preamble.count + input.count)
    stream.writeBytes(FrameCodec.preamble)
    stream.writeBytes(input)
    var outcome = Outcome()
    var offset = 0
    while offset < stream.readableBytes, outcome.error == nil {
        let end = min(stream.readableBytes, offset + max(1, nextChunk()))
        // What `writeInbound` does (one read, its read-complete, the error the pipeline raised), without its
        // per-call copy of the inbound buffer; each chunk is a slice of one buffer, as a socket read is a buffer
        // of its own.
        channel.pipeline.syncOperations.fireChannelRead(NIOAny(stream.getSlice(at: offset, length: end - offset)!))
        channel.pipeline.syncOperations.fireChannelReadComplete()
        do {
            try channel.throwIfErrorCaught()
        } catch let error as ProtocolError {
            outcome.error = error.code
        } catch {
            fatalError("a non-protocol error left the pipeline: \(error)")
        }
        offset = end
        while let frame = try? channel.readInbound(as: InboundFrame.self) {
            outcome.frames.append(frame)
        }
    }
    while let buffer = try? channel.readOutbound(as: ByteBuffer.self) {
        outcome.written += buffer.readableBytesView
    }
    // Accept a channel the pipeline closed itself (after a fatal error): `finish()` would throw `alreadyClosed`
    // before running the loop, and the handler removal that close queued there (which breaks the channel ↔
    // pipeline cycle) would never run, leaking the whole pipeline (~6 KB) per input.
    _ = try? channel.finish(acceptAlreadyClosed: true)
    return (outcome, handler)
}

/// Checks what the server wrote: its preamble (the client's always arrives first here), then no frame at all, or
/// one `error` frame that decodes and names the fatal error.
func checkWritten(_ outcome: Outcome) {
    var buffer = ByteBuffer(bytes: outcome.written)
    precondition(buffer.readBytes(length: 4) == FrameCodec.preamble, "the server's bytes start with BSYN")
    let codec = FrameCodec(limits: .standard)
    var errors: [ErrorCode] = []
    while buffer.readableBytes > 0 {
        guard let frame = try? codec.readFrame(from: &buffer), let message = try? codec.decode(frame) else {
            preconditionFailure("the server wrote a frame that does not decode")
        }
        guard case .error(let error) = message else { preconditionFailure("the pipeline wrote \(message)") }
        errors.append(ErrorCode(rawValue: error.code) ?? .internalError)
    }
    precondition(
        errors.count <= 1 && errors.last == outcome.error,
        "errors written \(errors), raised \(String(describing: outcome.error))")
}

/// Every recoverable error handed to the session must make an `error` reply that decodes to the same code.
func checkReplies(_ outcome: Outcome) {
    for case .invalid(let error) in outcome.frames {
        precondition(!error.code.closesConnection)
        let frame = FrameCodec().frame(for: .error(error.errorMessage))
        var buffer = ByteBuffer(bytes: frame)
        let decoded = try? FrameCodec().readFrame(from: &buffer).map { try FrameCodec().decode($0) }
        precondition(decoded == .error(error.errorMessage), "error reply round trip")
    }
}

/// SplitMix64 seeded from the input, so that each input always gets the same chunking.
struct SplitMix {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// One input: checks every property, traps on a violation (libFuzzer then keeps the input).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let input = UnsafeRawBufferPointer(start: start, count: count)
    let whole = feed(input) { Int.max }
    checkWritten(whole)
    checkReplies(whole)
    var seed: UInt64 = 0xB5E1
    for byte in input {
        seed = (seed ^ UInt64(byte)) &* 0x100_0000_01B3
    }
    var random = SplitMix(state: seed)
    let chunked = feed(input) { Int(random.next() % 64) + 1 }
    precondition(chunked == whole, "chunked input decoded differently")
    if count < 600 {
        precondition(feed(input) { 1 } == whole, "byte-by-byte input decoded differently")
    }
    return 0
}

// MARK: Driver

// With two `main`s linked (SwiftPM's, which runs this top-level code, and libFuzzer's), either may win: both start
// libFuzzer on `fuzz`.
// swift-format-ignore: AlwaysUseLowerCamelCase
// The C symbol libFuzzer exports, named as it is.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafeRawPointer, Int) -> CInt
) -> CInt

var arguments = CommandLine.argc
var vector = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&arguments, &vector) { start, count in fuzz(start, count) })
