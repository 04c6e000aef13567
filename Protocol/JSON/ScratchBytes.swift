/// A reusable byte buffer whose contents stay at a stable address until the next write: the parser lends slices of
/// it (unescaped strings and member names) without copying them into a `String`.
final class ScratchBytes {
    private var base: UnsafeMutableRawPointer?
    private(set) var capacity = 0
    private(set) var count = 0

    init() {}

    deinit {
        base?.deallocate()
    }

    /// The bytes written since the last ``removeAll()``; valid until the next write.
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    /// Forgets the contents, keeping the memory unless it is large (one huge string must not pin its size for the
    /// rest of the payload).
    func removeAll() {
        count = 0
        if capacity > Self.retainedCapacity {
            base?.deallocate()
            base = nil
            capacity = 0
        }
    }

    /// Appends bytes; returns how many bytes of new capacity were allocated (for ``DecodingAllowance``).
    @discardableResult
    func append(_ source: UnsafeRawBufferPointer) -> Int {
        guard !source.isEmpty else { return 0 }
        let grown = reserve(count + source.count)
        (base! + count).copyMemory(from: source.baseAddress!, byteCount: source.count)
        count += source.count
        return grown
    }

    /// Appends one byte; returns the bytes of new capacity allocated.
    @discardableResult
    func append(_ byte: UInt8) -> Int {
        let grown = reserve(count + 1)
        base!.storeBytes(of: byte, toByteOffset: count, as: UInt8.self)
        count += 1
        return grown
    }

    private static let retainedCapacity = 64 << 10

    private func reserve(_ needed: Int) -> Int {
        guard needed > capacity else { return 0 }
        let next = max(needed, capacity * 2, 256)
        let grown = UnsafeMutableRawPointer.allocate(byteCount: next, alignment: 16)
        if let base {
            grown.copyMemory(from: base, byteCount: count)
            base.deallocate()
        }
        base = grown
        capacity = next
        return next
    }
}
