import CZlib

/// The benchmark's baseline: zlib called directly, with the same settings as the codec (`deflateInit2` with
/// window bits 15, memory level 8, default strategy), into buffers allocated before timing starts. It is the least
/// any zlib-based protocol could spend on the same bytes.
enum PlainZlib {
    /// Compresses `input` into `output` (at least `deflateBound` bytes); returns the compressed size.
    static func deflate(_ input: [UInt8], level: Int32, into output: inout [UInt8]) -> Int {
        var stream = z_stream()
        guard czlib_deflate_init(&stream, level) == Z_OK else { return -1 }
        defer { deflateEnd(&stream) }
        return input.withUnsafeBytes { source in
            output.withUnsafeMutableBytes { target in
                stream.next_in = UnsafeMutablePointer(mutating: source.bindMemory(to: Bytef.self).baseAddress)
                stream.avail_in = uInt(source.count)
                stream.next_out = target.bindMemory(to: Bytef.self).baseAddress
                stream.avail_out = uInt(target.count)
                guard CZlib.deflate(&stream, Z_FINISH) == Z_STREAM_END else { return -1 }
                return target.count - Int(stream.avail_out)
            }
        }
    }

    /// The capacity `deflate(_:level:into:)` needs for `count` input bytes.
    static func bound(_ count: Int, level: Int32) -> Int {
        var stream = z_stream()
        guard czlib_deflate_init(&stream, level) == Z_OK else { return count * 2 + 64 }
        defer { deflateEnd(&stream) }
        return Int(deflateBound(&stream, uLong(count)))
    }

    /// Inflates `input` into `output` (large enough for the whole result); returns the inflated size.
    static func inflate(_ input: [UInt8], into output: inout [UInt8]) -> Int {
        var stream = z_stream()
        guard czlib_inflate_init(&stream) == Z_OK else { return -1 }
        defer { inflateEnd(&stream) }
        return input.withUnsafeBytes { source in
            output.withUnsafeMutableBytes { target in
                stream.next_in = UnsafeMutablePointer(mutating: source.bindMemory(to: Bytef.self).baseAddress)
                stream.avail_in = uInt(source.count)
                stream.next_out = target.bindMemory(to: Bytef.self).baseAddress
                stream.avail_out = uInt(target.count)
                guard CZlib.inflate(&stream, Z_FINISH) == Z_STREAM_END else { return -1 }
                return target.count - Int(stream.avail_out)
            }
        }
    }
}
