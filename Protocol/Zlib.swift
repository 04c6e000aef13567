import CZlib

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
            preconditionFailure("deflateInit2 failed: zlib is out of memory")
        }
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, uLong(input.count)))
        var output = [UInt8](repeating: 0, count: bound)
        let written: Int = output.withUnsafeMutableBytes { out in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
            stream.avail_in = uInt(input.count)
            stream.next_out = out.baseAddress?.assumingMemoryBound(to: Bytef.self)
            stream.avail_out = uInt(out.count)
            let status = deflate(&stream, Z_FINISH)
            precondition(status == Z_STREAM_END, "deflate into a deflateBound-sized buffer must finish")
            return out.count - Int(stream.avail_out)
        }
        output.removeLast(output.count - written)
        return output
    }

    /// Compresses a byte array into a complete zlib stream.
    public static func compress(_ input: [UInt8], level: Int32 = defaultLevel) -> [UInt8] {
        input.withUnsafeBytes { compress($0, level: level) }
    }

    /// Inflates one complete zlib stream, never producing more than `limit` bytes.
    ///
    /// Output grows in bounded steps as inflation proceeds, so a small input that would inflate far past `limit`
    /// costs at most `limit` bytes of memory.
    ///
    /// - Throws: ``ProtocolError/decompressedTooLarge(limit:)`` past the limit,
    ///   ``ProtocolError/decompressionFailed(_:)`` for a corrupt, truncated or trailing-garbage stream.
    public static func decompress(_ input: UnsafeRawBufferPointer, limit: Int) throws -> [UInt8] {
        var stream = z_stream()
        guard czlib_inflate_init(&stream) == Z_OK else {
            throw ProtocolError.decompressionFailed("zlib could not start inflating")
        }
        defer { inflateEnd(&stream) }
        stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.avail_in = uInt(input.count)

        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let (status, produced) = chunk.withUnsafeMutableBytes { buffer -> (Int32, Int) in
                stream.next_out = buffer.baseAddress?.assumingMemoryBound(to: Bytef.self)
                stream.avail_out = uInt(buffer.count)
                let status = inflate(&stream, Z_NO_FLUSH)
                return (status, buffer.count - Int(stream.avail_out))
            }
            if output.count + produced > limit {
                throw ProtocolError.decompressedTooLarge(limit: limit)
            }
            output.append(contentsOf: chunk[0..<produced])
            switch status {
            case Z_STREAM_END:
                guard stream.avail_in == 0 else {
                    throw ProtocolError.decompressionFailed("bytes follow the end of the stream")
                }
                return output
            case Z_OK:
                continue
            case Z_BUF_ERROR where stream.avail_in == 0:
                throw ProtocolError.decompressionFailed("stream is truncated")
            case Z_NEED_DICT:
                throw ProtocolError.decompressionFailed("stream needs a preset dictionary, which v1 does not use")
            default:
                let why = stream.msg.map { String(cString: $0) } ?? "zlib status \(status)"
                throw ProtocolError.decompressionFailed(why)
            }
        }
    }

    /// Inflates a byte array; see ``decompress(_:limit:)-(UnsafeRawBufferPointer,_)``.
    public static func decompress(_ input: [UInt8], limit: Int) throws -> [UInt8] {
        try input.withUnsafeBytes { (buffer) throws -> [UInt8] in
            try decompress(buffer, limit: limit)
        }
    }
}
