import Foundation

/// New ids as UUIDs of version 7 (RFC 9562): the first 48 bits are the Unix time in milliseconds, the rest random.
///
/// Any lowercase UUID is an id on the wire (PROTOCOL.md section 6); this form is what the client and the server make.
/// Ids made one after another sort one after another, so the indexes keyed by them (the log's `change_id`, an
/// entity's id) grow at their end instead of at random places: a batch of new rows dirties a few index pages, not
/// nearly every page of a large index, and every page a commit dirties is written to the log again (BENCHMARKS.md,
/// "Push throughput, session 8").
public enum TimeOrderedID {
    /// A new id for `now`.
    public static func make(now: Date = Date()) -> String {
        var random = SystemRandomNumberGenerator()
        let millis = UInt64(max(0, now.timeIntervalSince1970 * 1_000)) & 0xFFFF_FFFF_FFFF
        // 48 bits of time, the version (7), 12 random bits; the variant (0b10), 62 random bits.
        let high = millis << 16 | 0x7000 | random.next() & 0x0FFF
        let low = 0x8000_0000_0000_0000 | random.next() & 0x3FFF_FFFF_FFFF_FFFF
        return String(unsafeUninitializedCapacity: 36) { text in
            var position = 0
            for nibble in 0..<32 {
                if nibble == 8 || nibble == 12 || nibble == 16 || nibble == 20 {
                    text[position] = UInt8(ascii: "-")
                    position += 1
                }
                let word = nibble < 16 ? high : low
                let digit = UInt8(truncatingIfNeeded: word >> UInt64(60 - 4 * (nibble % 16)) & 0xF)
                text[position] = digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10
                position += 1
            }
            return position
        }
    }
}
