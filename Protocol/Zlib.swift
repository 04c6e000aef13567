import CZlib

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// zlib (RFC 1950) compression through the system library.
public enum Zlib {
    /// The level senders use unless configured otherwise (zlib's own default).
    public static let defaultLevel: Int32 = 6

    /// Compresses `input` into a complete zlib stream.
    ///
    /// - Parameters:
    ///   - input: The bytes to compress.
    ///   - level: 0 (store) to 9 (smallest).
    /// - Returns: The zlib stream.
    public static func compress(_ input: UnsafeRawBufferPointer, level: Int32 = defaultLevel) -> [UInt8] {
        var stream = z_stream()
        guard czlib_deflate_init(&stream, level) == Z_OK else {
            preconditionFailure("deflateInit2 failed: zlib is out of memory or the level \(level) is invalid")
        }
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, uLong(input.count)))
        return [UInt8](unsafeUninitializedCapacity: bound) { output, written in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
            stream.avail_in = uInt(input.count)
            stream.next_out = output.baseAddress
            stream.avail_out = uInt(output.count)
            let status = deflate(&stream, Z_FINISH)
            precondition(status == Z_STREAM_END, "deflate into a deflateBound-sized buffer must finish")
            written = output.count - Int(stream.avail_out)
        }
    }

    /// Compresses a byte array into a complete zlib stream.
    public static func compress(_ input: [UInt8], level: Int32 = defaultLevel) -> [UInt8] {
        input.withUnsafeBytes { compress($0, level: level) }
    }

    /// Inflates one complete zlib stream, never producing more than `limit` bytes.
    ///
    /// The output buffer starts small and doubles as inflation proceeds, but never beyond `limit` bytes, so a small
    /// input that would inflate far past `limit` costs at most `limit` bytes of memory.
    ///
    /// - Throws: ``ProtocolError/decompressedTooLarge(limit:)`` past the limit,
    ///   ``ProtocolError/decompressionFailed(_:)`` for a corrupt, truncated or trailing-garbage stream.
    public static func decompress(_ input: UnsafeRawBufferPointer, limit: Int) throws -> [UInt8] {
        try withInflated(input, limit: limit) { Array($0) }
    }

    /// Inflates a byte array; see ``decompress(_:limit:)-(UnsafeRawBufferPointer,_)``.
    public static func decompress(_ input: [UInt8], limit: Int) throws -> [UInt8] {
        try input.withUnsafeBytes { (buffer) throws -> [UInt8] in
            try decompress(buffer, limit: limit)
        }
    }

    /// Inflates one complete zlib stream and lends the result to `body`, without copying it.
    ///
    /// - Parameters:
    ///   - input: The zlib stream.
    ///   - limit: The most bytes inflation may produce.
    ///   - capacityObserver: Told every capacity the output buffer is given (for tests of the memory bound).
    ///   - body: Reads the inflated bytes; they are valid only during the call.
    /// - Throws: The errors of ``decompress(_:limit:)-(UnsafeRawBufferPointer,_)``, or what `body` throws.
    static func withInflated<Result>(
        _ input: UnsafeRawBufferPointer, limit: Int, capacityObserver: ((Int) -> Void)? = nil,
        _ body: (UnsafeRawBufferPointer) throws -> Result
    ) throws -> Result {
        var stream = z_stream()
        guard czlib_inflate_init(&stream) == Z_OK else {
            throw ProtocolError.decompressionFailed("zlib could not start inflating")
        }
        defer { inflateEnd(&stream) }
        stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.avail_in = uInt(input.count)

        var output = OutputBuffer(limit: limit, expected: input.count * 4, observer: capacityObserver)
        defer { output.release() }
        while true {
            if output.isFull {
                guard output.grow() else {
                    // Exactly at the limit: the stream must end here without producing another byte.
                    try probeEnd(&stream, limit: limit)
                    return try body(output.bytes)
                }
            }
            let room = output.room
            stream.next_out = room.baseAddress?.assumingMemoryBound(to: Bytef.self)
            stream.avail_out = uInt(room.count)
            let status = inflate(&stream, Z_NO_FLUSH)
            output.count += room.count - Int(stream.avail_out)
            if try finished(status, stream: &stream) {
                return try body(output.bytes)
            }
        }
    }

    /// Checks that the stream ends without producing any more output (the output is exactly at the limit).
    private static func probeEnd(_ stream: inout z_stream, limit: Int) throws {
        var probe: UInt8 = 0
        while true {
            let (status, produced) = withUnsafeMutablePointer(to: &probe) { pointer -> (Int32, Bool) in
                stream.next_out = pointer
                stream.avail_out = 1
                let status = inflate(&stream, Z_NO_FLUSH)
                return (status, stream.avail_out == 0)
            }
            if produced {
                throw ProtocolError.decompressedTooLarge(limit: limit)
            }
            if try finished(status, stream: &stream) {
                return
            }
        }
    }

    /// Interprets one `inflate` status: `true` at a clean end, `false` to continue, or throws.
    private static func finished(_ status: Int32, stream: inout z_stream) throws -> Bool {
        switch status {
        case Z_STREAM_END:
            guard stream.avail_in == 0 else {
                throw ProtocolError.decompressionFailed("bytes follow the end of the stream")
            }
            return true
        case Z_OK:
            return false
        case Z_BUF_ERROR where stream.avail_in == 0:
            throw ProtocolError.decompressionFailed("stream is truncated")
        case Z_BUF_ERROR:
            return false
        case Z_NEED_DICT:
            throw ProtocolError.decompressionFailed("stream needs a preset dictionary, which v1 does not use")
        default:
            let why = stream.msg.map { String(cString: $0) } ?? "zlib status \(status)"
            throw ProtocolError.decompressionFailed(why)
        }
    }
}

/// A growable byte buffer that never grows past a limit; `realloc` lets large blocks grow in place.
private struct OutputBuffer {
    private var base: UnsafeMutableRawPointer?
    private(set) var capacity: Int
    private let limit: Int
    private let observer: ((Int) -> Void)?
    var count = 0

    init(limit: Int, expected: Int, observer: ((Int) -> Void)?) {
        self.limit = max(0, limit)
        self.observer = observer
        capacity = min(self.limit, max(expected, 16 << 10))
        base = malloc(max(capacity, 1))
        observer?(capacity)
    }

    var isFull: Bool { count == capacity }

    /// The unused part, at most 4 GiB − 1 at a time (zlib's `avail_out` is 32 bits).
    var room: UnsafeMutableRawBufferPointer {
        UnsafeMutableRawBufferPointer(start: base.map { $0 + count }, count: min(capacity - count, Int(UInt32.max)))
    }

    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    /// Doubles the capacity, up to the limit; `false` if it is already at the limit.
    mutating func grow() -> Bool {
        guard capacity < limit else { return false }
        let next = capacity > limit / 2 ? limit : max(capacity * 2, 1)
        guard let grown = realloc(base, next) else {
            // Out of memory below the limit: treat like a payload too large for this receiver.
            return false
        }
        base = grown
        capacity = next
        observer?(capacity)
        return true
    }

    func release() {
        free(base)
    }
}
