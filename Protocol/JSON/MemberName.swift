#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A member name as read from a payload: its (unescaped) UTF-8 bytes, compared byte for byte.
///
/// Decoders `switch` on it with string literals (`case "type":`), so a name is matched without ever becoming a
/// `String`: no normalisation, no hashing, and a name longer than every literal costs one length comparison per
/// case. A name read by the parser is valid until the parser reads the next member name.
struct MemberName: Equatable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The name's UTF-8 bytes: read from the payload, or a literal's static storage.
    let bytes: UnsafeRawBufferPointer

    init(bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    /// A name from a literal (static storage, so the pointer stays valid).
    init(stringLiteral literal: StaticString) {
        if literal.hasPointerRepresentation {
            bytes = UnsafeRawBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        } else {
            // A one-scalar literal such as "x" comes as a scalar, not a pointer.
            let value = Int(literal.unicodeScalar.value)
            precondition(value < 0x80, "a one-character member name must be ASCII")
            bytes = UnsafeRawBufferPointer(rebasing: Self.asciiBytes[value..<value + 1])
        }
    }

    /// Every ASCII byte once, for one-character literals.
    // Written once, before any reader can see it, and never again.
    nonisolated(unsafe) private static let asciiBytes: UnsafeRawBufferPointer = {
        let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: 128, alignment: 1)
        for value in 0..<128 {
            storage[value] = UInt8(value)
        }
        return UnsafeRawBufferPointer(storage)
    }()

    static func == (lhs: MemberName, rhs: MemberName) -> Bool {
        guard lhs.bytes.count == rhs.bytes.count else { return false }
        guard let left = lhs.bytes.baseAddress, let right = rhs.bytes.baseAddress else { return true }
        return memcmp(left, right, lhs.bytes.count) == 0
    }

    /// The name as a `String`, for a dictionary key (the parser has checked it is stream-safe).
    var string: String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// At most the first 40 bytes, for error messages.
    var description: String {
        JSONParser.excerpt(bytes)
    }
}
