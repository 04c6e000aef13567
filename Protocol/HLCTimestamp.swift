/// A hybrid-logical-clock timestamp: wall-clock milliseconds plus a logical counter.
///
/// On the wire it is the fixed-width string `"WWWWWWWWWWWWWWW-CCCCC"` (15 decimal digits of milliseconds since
/// the Unix epoch, a dash, 5 decimal digits of counter), so that string order equals timestamp order.
/// Ties between clients are broken by the change record's `client_id`, not by the timestamp.
public struct HLCTimestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    public var wallMillis: Int64
    /// Logical counter that orders events within the same millisecond.
    public var counter: UInt32

    /// Creates a timestamp from its two parts.
    public init(wallMillis: Int64, counter: UInt32) {
        self.wallMillis = wallMillis
        self.counter = counter
    }

    /// The earliest timestamp.
    public static let zero = HLCTimestamp(wallMillis: 0, counter: 0)

    /// The largest counter value that the wire form can carry.
    public static let maxCounter: UInt32 = 99_999

    /// Orders by wall time, then counter.
    public static func < (lhs: HLCTimestamp, rhs: HLCTimestamp) -> Bool {
        (lhs.wallMillis, lhs.counter) < (rhs.wallMillis, rhs.counter)
    }

    /// The wire form, e.g. `001725523200000-00003`.
    public var description: String {
        let millis = String(wallMillis)
        let count = String(counter)
        return String(repeating: "0", count: max(0, 15 - millis.count)) + millis + "-"
            + String(repeating: "0", count: max(0, 5 - count.count)) + count
    }

    /// Parses the wire form; `nil` unless it is exactly 15 digits, a dash and 5 digits.
    public init?(_ text: String) {
        var text = text
        guard let parsed = text.withUTF8({ HLCTimestamp(utf8: UnsafeRawBufferPointer($0)) }) else { return nil }
        self = parsed
    }

    /// Parses the wire form from its UTF-8 bytes (as the JSON decoder reads them, without making a `String`).
    init?(utf8 bytes: UnsafeRawBufferPointer) {
        guard bytes.count == 21, bytes[15] == UInt8(ascii: "-") else { return nil }
        var millis: Int64 = 0
        for byte in bytes[0..<15] {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            millis = millis * 10 + Int64(byte - UInt8(ascii: "0"))
        }
        var count: UInt32 = 0
        for byte in bytes[16..<21] {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            count = count * 10 + UInt32(byte - UInt8(ascii: "0"))
        }
        self.init(wallMillis: millis, counter: count)
    }
}

extension HLCTimestamp: Codable {
    /// Decodes the fixed-width string form.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = HLCTimestamp(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "hlc must look like 001725523200000-00003, got \(text.prefix(40))")
        }
        self = value
    }

    /// Encodes the fixed-width string form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
