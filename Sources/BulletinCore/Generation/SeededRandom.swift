/// A small, fast, seedable generator (SplitMix64): the same seed gives the same sequence on every platform, so
/// generated archives, benchmarks and randomized tests replay exactly from a seed.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator; the same seed gives the same sequence.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    /// A number in 0..<bound.
    public mutating func below(_ bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }

    /// One of `items`, which must not be empty.
    public mutating func pick<Element>(_ items: [Element]) -> Element {
        items[below(items.count)]
    }

    /// A version-4-shaped lowercase UUID.
    public mutating func uuid() -> String {
        let high = next()
        let low = next()
        let hex = { (value: UInt64, width: Int) -> String in
            let text = String(value, radix: 16)
            return String(repeating: "0", count: Swift.max(0, width - text.count)) + text
        }
        let timeLow = hex(high >> 32, 8)
        let timeMid = hex((high >> 16) & 0xFFFF, 4)
        let version = hex(0x4000 | (high & 0x0FFF), 4)
        let variant = hex(0x8000 | ((low >> 48) & 0x3FFF), 4)
        let node = hex(low & 0xFFFF_FFFF_FFFF, 12)
        return "\(timeLow)-\(timeMid)-\(version)-\(variant)-\(node)"
    }
}
