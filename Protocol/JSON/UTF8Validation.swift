/// Checks that bytes are well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF),
/// 16 bytes at a time.
///
/// Why not the standard library: creating a `String` validates with a scalar loop, which on Vietnamese text (a
/// multi-byte character every few bytes) costs more than inflating the payload. This check needs no table lookups
/// or lane shuffles, only comparisons of each byte with the 1, 2 and 3 bytes before it:
/// - a byte must be a continuation byte (`10xxxxxx`) exactly when one of the previous three bytes is a lead byte
///   that expects it (`11xxxxxx` one before, `111xxxxx` two before, `11110xxx` three before);
/// - `C0`, `C1` and `F5`…`FF` never appear;
/// - after `E0` the next byte is at least `A0` (no overlong), after `ED` below `A0` (no surrogates), after `F0` at
///   least `90` (no overlong), after `F4` below `90` (nothing above U+10FFFF).
enum UTF8Validation {
    typealias Block = SIMD16<UInt8>

    /// Whether `bytes` is well-formed UTF-8.
    static func isValid(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        var errors = SIMDMask<Block.MaskStorage>(repeating: false)
        var offset = 0
        if count >= Block.scalarCount + 3 {
            // The first block's "previous bytes" lie before the buffer: check it through a padded copy below.
            errors .|= paddedBlockErrors(base, count: count, at: 0)
            offset = Block.scalarCount
            while offset + Block.scalarCount <= count {
                let current = base.loadUnaligned(fromByteOffset: offset, as: Block.self)
                let previous1 = base.loadUnaligned(fromByteOffset: offset - 1, as: Block.self)
                let previous2 = base.loadUnaligned(fromByteOffset: offset - 2, as: Block.self)
                let previous3 = base.loadUnaligned(fromByteOffset: offset - 3, as: Block.self)
                errors .|= blockErrors(current, previous1, previous2, previous3)
                offset += Block.scalarCount
            }
        }
        // The rest, padded with zero bytes: a sequence cut off by the end of the buffer then lacks its continuation
        // bytes and is caught like any other.
        while offset < count {
            errors .|= paddedBlockErrors(base, count: count, at: offset)
            offset += Block.scalarCount
        }
        errors .|= paddedBlockErrors(base, count: count, at: count)
        return !any(errors)
    }

    /// The errors of the block at `offset`, read through a copy where bytes outside the buffer are zero.
    private static func paddedBlockErrors(
        _ base: UnsafeRawPointer, count: Int, at offset: Int
    ) -> SIMDMask<Block.MaskStorage> {
        // 3 bytes before the block, then the block: 19 bytes, in a 32-byte zeroed scratch area.
        var scratch = SIMD32<UInt8>(repeating: 0)
        withUnsafeMutableBytes(of: &scratch) { window in
            for index in 0..<(Block.scalarCount + 3) {
                let source = offset - 3 + index
                if source >= 0, source < count {
                    window[index] = base.load(fromByteOffset: source, as: UInt8.self)
                }
            }
        }
        return withUnsafeBytes(of: &scratch) { window in
            blockErrors(
                window.loadUnaligned(fromByteOffset: 3, as: Block.self),
                window.loadUnaligned(fromByteOffset: 2, as: Block.self),
                window.loadUnaligned(fromByteOffset: 1, as: Block.self),
                window.loadUnaligned(fromByteOffset: 0, as: Block.self))
        }
    }

    /// For each byte of `current`, whether it breaks a rule, given the 1, 2 and 3 bytes before it.
    @inline(__always)
    private static func blockErrors(
        _ current: Block, _ previous1: Block, _ previous2: Block, _ previous3: Block
    ) -> SIMDMask<Block.MaskStorage> {
        let isContinuation = (current & Block(repeating: 0xC0)) .== Block(repeating: 0x80)
        let needsContinuation =
            (previous1 .>= Block(repeating: 0xC0)) .| (previous2 .>= Block(repeating: 0xE0))
            .| (previous3 .>= Block(repeating: 0xF0))
        let misplaced = isContinuation .^ needsContinuation
        let neverValid =
            (current .== Block(repeating: 0xC0)) .| (current .== Block(repeating: 0xC1))
            .| (current .>= Block(repeating: 0xF5))
        let overlong3 = (previous1 .== Block(repeating: 0xE0)) .& (current .< Block(repeating: 0xA0))
        let surrogate = (previous1 .== Block(repeating: 0xED)) .& (current .>= Block(repeating: 0xA0))
        let overlong4 = (previous1 .== Block(repeating: 0xF0)) .& (current .< Block(repeating: 0x90))
        let tooLarge = (previous1 .== Block(repeating: 0xF4)) .& (current .>= Block(repeating: 0x90))
        return misplaced .| neverValid .| overlong3 .| surrogate .| overlong4 .| tooLarge
    }
}
