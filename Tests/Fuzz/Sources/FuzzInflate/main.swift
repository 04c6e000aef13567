import CZlib
// libFuzzer harness: bounded zlib inflation against zlib's own one-shot inflate, at the project's limits.
//
// The first input byte picks the limit (0, 1, 1 KiB, 64 KiB or the before-authentication 256 KiB); the rest is the
// zlib stream. Property: `Zlib.decompress` returns exactly zlib's output when the stream is complete, clean and
// within the limit; `decompressed_too_large` when zlib produces more; `decompression_failed` otherwise. Then, the
// input taken as data: compress → decompress gives it back, and one byte less of limit is too large.
import Glibc

@testable import FuzzedProtocol

enum Inflated: Equatable {
    case bytes([UInt8])
    case tooLarge
    case failed
}

/// zlib's answer: one `inflate(Z_FINISH)` into a buffer one byte larger than the limit.
func reference(_ stream: UnsafeRawBufferPointer, limit: Int) -> Inflated {
    var z = z_stream()
    guard czlib_inflate_init(&z) == Z_OK else { fatalError("inflateInit") }
    defer { inflateEnd(&z) }
    z.next_in = UnsafeMutablePointer(mutating: stream.baseAddress?.assumingMemoryBound(to: Bytef.self))
    z.avail_in = uInt(stream.count)
    z.next_out = referenceOutput.baseAddress
    z.avail_out = uInt(limit + 1)
    var status = Z_OK
    // Z_FINISH may need several calls when the input is split into many blocks.
    repeat {
        status = inflate(&z, Z_FINISH)
    } while status == Z_OK
    let produced = limit + 1 - Int(z.avail_out)
    if produced > limit {
        return .tooLarge
    }
    guard status == Z_STREAM_END, z.avail_in == 0 else { return .failed }
    return .bytes(Array(referenceOutput[..<produced]))
}

func ours(_ stream: UnsafeRawBufferPointer, limit: Int) -> Inflated {
    do {
        return .bytes(try Zlib.decompress(stream, limit: limit))
    } catch ProtocolError.decompressedTooLarge {
        return .tooLarge
    } catch ProtocolError.decompressionFailed {
        return .failed
    } catch {
        preconditionFailure("unexpected error \(error)")
    }
}

let limits = [0, 1, 1 << 10, 64 << 10, FrameLimits.preAuthentication.maxDecompressedBytes]

/// zlib's output buffer, one byte larger than the largest limit: allocated once, since zeroing 256 KiB for every
/// input cost more than inflating most of them (zlib only reads what it has written).
nonisolated(unsafe) let referenceOutput = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: limits.max()! + 1)

/// One input: checks every property, traps on a violation (libFuzzer then keeps the input).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let input = UnsafeRawBufferPointer(start: start, count: count)
    guard let first = input.first else { return 0 }
    let limit = limits[Int(first) % limits.count]
    let stream = UnsafeRawBufferPointer(rebasing: input.dropFirst())
    let expected = reference(stream, limit: limit)
    let actual = ours(stream, limit: limit)
    precondition(actual == expected, "inflation differs from zlib's: \(actual) vs \(expected) at limit \(limit)")

    let data = Array(stream)
    let compressed = Zlib.compress(data, level: Int32(first % 10))
    precondition(compressed.withUnsafeBytes { ours($0, limit: data.count) } == .bytes(data), "round trip")
    if !data.isEmpty {
        precondition(compressed.withUnsafeBytes { ours($0, limit: data.count - 1) } == .tooLarge, "limit - 1")
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
