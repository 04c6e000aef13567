/// How much memory decoding one payload may still allocate for what it builds, so that a hostile payload costs
/// at most a constant times its size (PROTOCOL.md section 6, "Memory").
///
/// Charges are estimates of the heap blocks the decoder creates (strings longer than the 15 bytes Swift keeps
/// inline, arrays, dictionaries, the parser's own stacks); the constant is chosen so that the peak stays under
/// 4 times the inflated payload including the payload itself. Stored JSON (written by this implementation) is
/// parsed with ``unlimited``.
struct DecodingAllowance {
    /// Bytes still available.
    private(set) var remaining: Int

    /// The allowance for a wire payload of `payloadBytes` bytes received under `limit` (the receiver's
    /// `max_decompressed_bytes`): 2.5 bytes per payload byte, plus a quarter of the limit up to 16 MiB.
    ///
    /// Why these figures: Swift's form of small records is large (a page of one-field updates, four UUIDs, an HLC
    /// and two one-member dictionaries in ~280 bytes of JSON, takes ~3.7 bytes per byte), so the constant part
    /// covers the largest real messages (pages of at most 4 MiB by default, pushes of at most 5,000 changes), while
    /// at the 64 MiB limit the peak, payload included, stays under 1 + 2.5 + 0.25 = 3.75 bytes per payload byte.
    static func forPayload(of payloadBytes: Int, limit: Int) -> DecodingAllowance {
        DecodingAllowance(remaining: payloadBytes * 5 / 2 + min(16 << 20, limit / 4))
    }

    /// No limit: for JSON this implementation wrote itself.
    static let unlimited = DecodingAllowance(remaining: .max)

    /// No practical limit, but charges are counted (for measurements).
    static let unlimitedButCounted = DecodingAllowance(remaining: .max / 2)

    /// Takes `bytes` from the allowance.
    ///
    /// - Throws: ``ProtocolError/invalidMessage(_:)`` when the allowance is exhausted.
    mutating func charge(_ bytes: Int) throws {
        guard remaining != .max else { return }
        remaining -= bytes
        guard remaining >= 0 else {
            throw ProtocolError.invalidMessage(
                "the message would take too much memory to decode (too many values for its size)")
        }
    }

    /// The estimated heap cost of a `String` of `utf8Count` bytes: none up to 15 bytes (stored inline), else the
    /// storage header, the bytes and a terminator, rounded up to malloc's 16-byte granule.
    static func stringCost(utf8Count: Int) -> Int {
        utf8Count <= 15 ? 0 : (utf8Count + 32 + 1 + 15) & ~15
    }

    /// The estimated heap cost of an array of `count` elements of `stride` bytes, built at its exact size.
    static func arrayCost(count: Int, stride: Int) -> Int {
        count == 0 ? 0 : (32 + count * stride + 15) & ~15
    }

    /// The estimated heap cost of a dictionary of `count` entries (keys and values of `entryStride` bytes), at
    /// the standard library's maximum load factor of 3/4 and power-of-two bucket counts.
    static func dictionaryCost(count: Int, entryStride: Int) -> Int {
        guard count > 0 else { return 0 }
        var buckets = 1
        while buckets * 3 < count * 4 {
            buckets <<= 1
        }
        return 64 + buckets * (entryStride + 1)
    }
}

extension Array {
    /// Appends `element`, charging `allowance` for new capacity when the array must grow (the parser's stacks,
    /// whose capacity is reused across the payload).
    mutating func append(_ element: Element, charging allowance: inout DecodingAllowance) throws {
        if count == capacity {
            let next = Swift.max(16, capacity * 2)
            try allowance.charge(next * MemoryLayout<Element>.stride)
            reserveCapacity(next)
        }
        append(element)
    }
}
