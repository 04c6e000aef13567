/// Writes the canonical JSON of PROTOCOL.md section 15: no whitespace, members in UTF-8 byte order of their names,
/// `/` unescaped, only `"`, `\` and control characters escaped.
///
/// Faster than `JSONEncoder` and unable to fail: a non-finite double (which JSON cannot express) is written `null`.
/// Callers writing a fixed set of members must write them in sorted order themselves (``object(_:)`` writes
/// ``JSONValue`` objects sorted).
struct CanonicalJSONWriter {
    /// The JSON written so far.
    private(set) var bytes: [UInt8] = []
    /// Whether the next member or element needs a comma before it.
    private var needsComma = false
    /// Where the `fields` object of the last change record written lies in ``bytes`` (see
    /// ``CanonicalJSON/texts(_:)``).
    var lastFieldsRange: Range<Int> = 0..<0

    init(capacity: Int = 1_024) {
        bytes.reserveCapacity(capacity)
    }

    // MARK: Structure

    /// Writes an object whose members `body` writes with ``key(_:)`` followed by a value.
    mutating func objectBody(_ body: (inout CanonicalJSONWriter) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
        body(&self)
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    /// Writes an array whose elements `body` writes.
    mutating func arrayBody(_ body: (inout CanonicalJSONWriter) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
        body(&self)
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// Writes a member name and the colon; the value must follow.
    mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
        needsComma = false
    }

    private mutating func dynamicKey(_ name: String) {
        separate()
        appendQuoted(name)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    private mutating func separate() {
        if needsComma {
            bytes.append(UInt8(ascii: ","))
        }
    }

    /// Writes a value that is canonical JSON already (a ``CanonicalRecord``'s text), as it is.
    mutating func verbatim(_ json: String) {
        separate()
        bytes.append(contentsOf: json.utf8)
        needsComma = true
    }

    // MARK: Scalars

    /// Writes a string, escaping only what JSON requires.
    mutating func string(_ value: String) {
        separate()
        appendQuoted(value)
        needsComma = true
    }

    /// Writes an integer in plain decimal.
    mutating func int(_ value: Int64) {
        separate()
        appendDecimal(value)
        needsComma = true
    }

    /// Writes an integer in plain decimal.
    mutating func int(_ value: Int) {
        int(Int64(value))
    }

    /// Writes `true` or `false`.
    mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: value ? Self.trueLiteral : Self.falseLiteral)
        needsComma = true
    }

    /// Writes `null`.
    mutating func null() {
        separate()
        bytes.append(contentsOf: Self.nullLiteral)
        needsComma = true
    }

    /// Writes a double in its shortest round-trip form, integral values without `.0`; non-finite as `null`.
    mutating func double(_ value: Double) {
        guard value.isFinite else {
            null()
            return
        }
        separate()
        // Swift's description is the shortest round-trip form, in plain notation for 1e-4 <= |x| < 2^53 and with
        // a signed two-digit exponent otherwise: what section 15 specifies, once a trailing ".0" is dropped.
        var text = value.description
        if text.hasSuffix(".0") {
            text.removeLast(2)
        }
        bytes.append(contentsOf: text.utf8)
        needsComma = true
    }

    /// Writes any JSON value; object members sorted by the UTF-8 bytes of their names.
    mutating func value(_ value: JSONValue) {
        switch value {
        case .null: null()
        case .bool(let flag): bool(flag)
        case .int(let number): int(number)
        case .double(let number): double(number)
        case .string(let text): string(text)
        case .array(let elements):
            arrayBody { writer in
                for element in elements {
                    writer.value(element)
                }
            }
        case .object(let members): object(members)
        }
    }

    /// Writes an object of any values, members sorted by the UTF-8 bytes of their names.
    mutating func object(_ members: [String: JSONValue]) {
        objectBody { writer in
            for name in Self.sortedNames(members.keys) {
                writer.dynamicKey(name)
                // The name came from the dictionary's own keys.
                writer.value(members[name] ?? .null)
            }
        }
    }

    /// Writes an object of strings, members sorted by the UTF-8 bytes of their names.
    mutating func object(_ members: [String: String]) {
        object(names: members.keys) { members[$0] ?? "" }
    }

    /// Writes an object of strings with the members `names`, each holding `value(name)`, sorted by the UTF-8 bytes
    /// of their names.
    mutating func object(names: some Collection<String>, value: (String) -> String) {
        objectBody { writer in
            for name in Self.sortedNames(names) {
                writer.dynamicKey(name)
                writer.string(value(name))
            }
        }
    }

    /// Writes an array of strings.
    mutating func strings(_ elements: [String]) {
        arrayBody { writer in
            for element in elements {
                writer.string(element)
            }
        }
    }

    private static func sortedNames(_ names: some Collection<String>) -> [String] {
        names.sorted(by: Self.precedesInUTF8)
    }

    /// Whether `lhs` sorts before `rhs` by their UTF-8 bytes: the order of canonical JSON's member names.
    ///
    /// Compares the bytes in place: every pushed record's members are sorted twice (its fields and its versions),
    /// and stepping through two `UTF8View`s took a tenth of the server's time to apply a small change.
    static func precedesInUTF8(_ lhs: String, _ rhs: String) -> Bool {
        var lhs = lhs
        var rhs = rhs
        return lhs.withUTF8 { left in
            rhs.withUTF8 { right in
                for index in 0..<min(left.count, right.count) where left[index] != right[index] {
                    return left[index] < right[index]
                }
                return left.count < right.count
            }
        }
    }

    // MARK: Bytes

    private static let trueLiteral = Array("true".utf8)
    private static let falseLiteral = Array("false".utf8)
    private static let nullLiteral = Array("null".utf8)
    private static let hexDigits = Array("0123456789abcdef".utf8)

    private mutating func appendQuoted(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = value
        text.withUTF8 { utf8 in
            var runStart = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                appendEscape(byte)
                runStart = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendEscape(_ byte: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        default:
            bytes.append(contentsOf: [
                UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                Self.hexDigits[Int(byte >> 4)], Self.hexDigits[Int(byte & 0x0F)],
            ])
        }
    }

    private mutating func appendDecimal(_ value: Int64) {
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
        }
        // Work on the magnitude as UInt64 so that Int64.min does not overflow.
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for the 19 digits of Int64.min
        var count = 0
        withUnsafeMutableBytes(of: &digits) { scratch in
            repeat {
                scratch[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            for index in stride(from: count - 1, through: 0, by: -1) {
                bytes.append(scratch[index])
            }
        }
    }
}
