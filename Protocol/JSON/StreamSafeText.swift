/// Unicode's stream-safe text format (UAX #15 section 13): no more than 30 non-starters (scalars whose canonical
/// combining class is not 0) in a row.
///
/// Why: Swift's `String` comparison and hashing normalise text, and normalisation sorts each run of combining
/// marks, which is quadratic in the run's length. With runs bounded, every later `String` operation on decoded
/// text is linear. Ordinary text, Vietnamese in NFD included, has one or two marks per letter.
enum StreamSafeText {
    /// The longest run of non-starters accepted.
    static let maximumNonStarters = 30

    /// Whether `utf8` (valid UTF-8) has no run of more than ``maximumNonStarters`` non-starters.
    static func isStreamSafe(_ utf8: UnsafeRawBufferPointer) -> Bool {
        guard let base = utf8.baseAddress else { return true }
        // Scalars below U+0300 are all starters, and their UTF-8 bytes are all below 0xCC: skip blocks of those.
        typealias Block = SIMD16<UInt8>
        var offset = 0
        while offset + Block.scalarCount <= utf8.count {
            let block = base.loadUnaligned(fromByteOffset: offset, as: Block.self)
            if any(block .>= Block(repeating: 0xCC)) {
                break
            }
            offset += Block.scalarCount
        }
        // Back up to a scalar boundary: the blocks skipped held only bytes below 0xCC, so a sequence cut by the
        // block boundary started with a 2-byte lead there.
        while offset > 0, offset < utf8.count, utf8[offset] & 0xC0 == 0x80 {
            offset -= 1
        }
        var run = 0
        while offset < utf8.count {
            let lead = utf8[offset]
            if lead < 0xCC {
                run = 0
                offset += lead < 0x80 ? 1 : 2
                continue
            }
            let (scalar, length) = decode(utf8, at: offset, lead: lead)
            offset += length
            if isNonStarter(scalar) {
                run += 1
                if run > maximumNonStarters {
                    return false
                }
            } else {
                run = 0
            }
        }
        return true
    }

    /// Whether a scalar's canonical combining class is not 0.
    @inline(__always)
    private static func isNonStarter(_ value: UInt32) -> Bool {
        switch value {
        case 0x0300...0x034E, 0x0350...0x036F: return true  // combining diacritical marks (NFD Vietnamese)
        // Latin Extended Additional (precomposed Vietnamese), general punctuation (quotation marks, dashes, the
        // ellipsis), super- and subscripts and currency signs, kana, CJK, Hangul: starters all, without the lookup.
        case 0x1E00...0x1EFF, 0x2000...0x20CF, 0x3040...0x3098, 0x4E00...0x9FFF, 0xAC00...0xD7A3: return false
        default: return Unicode.Scalar(value).map { $0.properties.canonicalCombiningClass.rawValue != 0 } ?? false
        }
    }

    /// The scalar value and byte length of the (valid) sequence at `offset` starting with `lead` (>= 0xCC).
    @inline(__always)
    private static func decode(_ utf8: UnsafeRawBufferPointer, at offset: Int, lead: UInt8) -> (UInt32, Int) {
        if lead < 0xE0 {
            return (UInt32(lead & 0x1F) << 6 | UInt32(utf8[offset + 1] & 0x3F), 2)
        }
        if lead < 0xF0 {
            return (
                UInt32(lead & 0x0F) << 12 | UInt32(utf8[offset + 1] & 0x3F) << 6
                    | UInt32(utf8[offset + 2] & 0x3F), 3
            )
        }
        return (
            UInt32(lead & 0x07) << 18 | UInt32(utf8[offset + 1] & 0x3F) << 12
                | UInt32(utf8[offset + 2] & 0x3F) << 6 | UInt32(utf8[offset + 3] & 0x3F), 4
        )
    }
}
