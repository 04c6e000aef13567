#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The member names of the objects being read, innermost last, to find a name repeated within one object by
/// comparing bytes (PROTOCOL.md section 6: a repeated name is `invalid_json`).
///
/// A name is kept as 8 bytes: its offset and length in the payload, or, for a name that had escapes, in a side
/// arena of unescaped bytes. When an object closes its names are sorted by bytes and neighbours compared:
/// O(k log k) comparisons, never hashing or normalising a `String`.
struct MemberNameLog {
    private var entries: [UInt64] = []
    private var arena: [UInt8] = []

    private static let arenaFlag: UInt64 = 1 << 63

    /// Where the names of an object start: pass it to ``checkUnique(since:in:)`` when the object closes.
    struct Mark {
        fileprivate let entries: Int
        fileprivate let arena: Int
    }

    var mark: Mark { Mark(entries: entries.count, arena: arena.count) }

    /// Records a name, which lies either in `payload` or in a scratch buffer (then its bytes are copied).
    mutating func record(
        _ name: UnsafeRawBufferPointer, in payload: UnsafeRawBufferPointer, allowance: inout DecodingAllowance
    ) throws {
        let entry: UInt64
        if let start = name.baseAddress, let base = payload.baseAddress, start >= base,
            start + name.count <= base + payload.count
        {
            entry = UInt64(start - base) << 32 | UInt64(name.count)
        } else {
            if arena.count + name.count > arena.capacity {
                let next = Swift.max(256, arena.capacity * 2, arena.count + name.count)
                try allowance.charge(next)
                arena.reserveCapacity(next)
            }
            entry = Self.arenaFlag | UInt64(arena.count) << 32 | UInt64(name.count)
            arena.append(contentsOf: name)
        }
        try entries.append(entry, charging: &allowance)
    }

    /// Checks that the names recorded since `mark` are distinct, then forgets them.
    ///
    /// - Returns: A repeated name, or `nil`.
    mutating func checkUnique(since mark: Mark, in payload: UnsafeRawBufferPointer) -> String? {
        defer {
            entries.removeSubrange(mark.entries...)
            arena.removeSubrange(mark.arena...)
        }
        let count = entries.count - mark.entries
        guard count > 1 else { return nil }
        return arena.withUnsafeBytes { arena -> String? in
            func bytes(_ entry: UInt64) -> UnsafeRawBufferPointer {
                let offset = Int((entry & ~Self.arenaFlag) >> 32)
                let length = Int(entry & 0xFFFF_FFFF)
                let source = entry & Self.arenaFlag != 0 ? arena : payload
                return UnsafeRawBufferPointer(rebasing: source[offset..<offset + length])
            }
            if count == 2 {
                let first = bytes(entries[mark.entries])
                let second = bytes(entries[mark.entries + 1])
                return Self.compare(first, second) == 0 ? JSONParser.excerpt(first) : nil
            }
            entries[mark.entries...].sort { Self.compare(bytes($0), bytes($1)) < 0 }
            for index in mark.entries + 1..<entries.count {
                let previous = bytes(entries[index - 1])
                if Self.compare(previous, bytes(entries[index])) == 0 {
                    return JSONParser.excerpt(previous)
                }
            }
            return nil
        }
    }

    private static func compare(_ lhs: UnsafeRawBufferPointer, _ rhs: UnsafeRawBufferPointer) -> Int32 {
        let common = Swift.min(lhs.count, rhs.count)
        if common > 0, let left = lhs.baseAddress, let right = rhs.baseAddress {
            let order = memcmp(left, right, common)
            if order != 0 {
                return order
            }
        }
        return lhs.count < rhs.count ? -1 : (lhs.count > rhs.count ? 1 : 0)
    }
}
