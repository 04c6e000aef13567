/// Parses one JSON text (RFC 8259, strictly) into a ``JSONValue``, or reads it member by member for the message
/// decoders.
///
/// Built for hostile input, in time linear in the text and memory a constant times its size:
/// - the text must be valid UTF-8 as a whole, and every string in it stream-safe (``StreamSafeText``);
/// - nesting is limited to ``maximumDepth``; nothing is allocated from a length the input claims;
/// - member names reach decoders as bytes (``MemberName``), and a name repeated within an object (same bytes) is
///   `invalid_json`;
/// - what it builds is charged to a ``DecodingAllowance``; ``skipValue()`` checks a value without building it.
///
/// Integers that fit in 64 bits become `.int` (except `-0`, which is the double `-0.0`); other numbers `.double`
/// (a number too large for a double is rejected rather than turned into infinity).
struct JSONParser {
    /// The deepest nesting of arrays and objects accepted.
    static let maximumDepth = 128

    let bytes: UnsafeRawBufferPointer
    var index = 0
    var depth = 0
    /// What building values may still allocate.
    var allowance: DecodingAllowance
    /// The first problem that is not a syntax error (a string that is not stream-safe, object keys that differ only
    /// in normalisation): reported by ``finish()`` once the whole text has been checked for syntax.
    var deferredProblem: String?
    /// Unescaped strings with escapes (values).
    let scratch = ScratchBytes()
    /// Unescaped member names with escapes, kept apart so that a name stays valid while its value is read.
    let nameScratch = ScratchBytes()
    /// Members of the objects being parsed, innermost last: each object is built at its exact size at the end.
    private var memberStack: [(name: String, value: JSONValue)] = []
    /// Elements of the arrays being parsed, innermost last.
    private var elementStack: [JSONValue] = []
    /// The names of the objects being read member by member or skipped, to find repeated names.
    var memberNames = MemberNameLog()

    private init(bytes: UnsafeRawBufferPointer, allowance: DecodingAllowance) {
        self.bytes = bytes
        self.allowance = allowance
    }

    /// A parser at the start of `bytes`, once they are known to be valid UTF-8.
    ///
    /// - Parameter allowance: What building values may allocate (``DecodingAllowance/forPayload(of:)`` for bytes
    ///   from a peer).
    /// - Throws: ``ProtocolError/invalidUTF8``: PROTOCOL.md checks UTF-8 before JSON, and strings can then be made
    ///   without checking them again.
    init(validating bytes: UnsafeRawBufferPointer, allowance: DecodingAllowance = .unlimited) throws {
        guard UTF8Validation.isValid(bytes) else { throw ProtocolError.invalidUTF8 }
        // Offsets into the text are kept in 31 bits (MemberNameLog); frame limits are far below.
        guard bytes.count < 1 << 31 else { throw ProtocolError.invalidMessage("the JSON text is over 2 GiB") }
        self.init(bytes: bytes, allowance: allowance)
        skipWhitespace()
    }

    /// Parses `bytes`, which must hold exactly one JSON value, optionally surrounded by whitespace.
    ///
    /// - Throws: ``ProtocolError/invalidJSON(_:)`` for a syntax error, ``ProtocolError/invalidUTF8`` for a text
    ///   that is not valid UTF-8, ``ProtocolError/invalidMessage(_:)`` for a number out of range, a string that is
    ///   not stream-safe, or keys that differ only in normalisation.
    static func parse(_ bytes: UnsafeRawBufferPointer) throws -> JSONValue {
        var parser = try JSONParser(validating: bytes)
        let value = try parser.parseValue()
        try parser.finish()
        return value
    }

    /// Checks that only whitespace follows the value just read, then reports a deferred problem.
    mutating func finish() throws {
        try finishSyntax()
        if let problem = deferredProblem {
            throw ProtocolError.invalidMessage(problem)
        }
    }

    /// Checks that only whitespace follows the value just read.
    mutating func finishSyntax() throws {
        skipWhitespace()
        guard index == bytes.count else { throw syntaxError("unexpected bytes after the JSON value") }
    }

    /// Records a problem that is not a syntax error; the first one is reported by ``finish()``.
    mutating func deferProblem(_ problem: @autoclosure () -> String) {
        if deferredProblem == nil {
            deferredProblem = problem()
        }
    }

    /// The next byte: where the next value starts, since the `read` methods skip the whitespace after a value.
    func peek() throws -> UInt8 {
        guard index < bytes.count else { throw syntaxError("unexpected end of input") }
        return bytes[index]
    }

    /// Reads any value, and the whitespace after it.
    mutating func readValue() throws -> JSONValue {
        let value = try parseValue()
        skipWhitespace()
        return value
    }

    /// Reads a string (the parser must be at its `"`), and the whitespace after it.
    mutating func readString() throws -> String {
        let text = try parseString()
        skipWhitespace()
        return text
    }

    /// Reads a string (the parser must be at its `"`) without making a `String`: `body` gets its unescaped UTF-8
    /// bytes, valid only during the call.
    mutating func readStringBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) throws -> Result {
        let text = try scanString(into: scratch)
        let result = try body(text)
        skipWhitespace()
        return result
    }

    /// Reads an object (the parser must be at its `{`), calling `member` with each name; `member` must read
    /// exactly one value. A name repeated in the object is `invalid_json`.
    mutating func readObject(_ member: (inout JSONParser, MemberName) throws -> Void) throws {
        try enterNesting()
        index += 1
        skipWhitespace()
        if try peek() == 0x7D {  // }
            index += 1
            depth -= 1
            skipWhitespace()
            return
        }
        let mark = memberNames.mark
        while true {
            let name = try readMemberName()
            try member(&self, name)
            switch try peek() {
            case 0x2C:  // ,
                index += 1
                skipWhitespace()
            case 0x7D:  // }
                try closeObject(since: mark)
                skipWhitespace()
                return
            default:
                throw syntaxError("expected ',' or '}' in an object")
            }
        }
    }

    /// Reads a member name and the `:` after it, recording the name to find repeats.
    mutating func readMemberName() throws -> MemberName {
        guard try peek() == 0x22 else { throw syntaxError("expected a member name") }
        let name = try scanString(into: nameScratch)
        try memberNames.record(name, in: bytes, allowance: &allowance)
        skipWhitespace()
        guard try peek() == 0x3A else { throw syntaxError("expected ':' after a member name") }  // :
        index += 1
        skipWhitespace()
        return MemberName(bytes: name)
    }

    /// Ends an object at its `}`: a name repeated since `mark` is `invalid_json`.
    mutating func closeObject(since mark: MemberNameLog.Mark) throws {
        if let repeated = memberNames.checkUnique(since: mark, in: bytes) {
            throw syntaxError("member name '\(repeated)' repeated in one object")
        }
        index += 1
        depth -= 1
    }

    /// Reads an array (the parser must be at its `[`), calling `element` with each position; `element` must read
    /// exactly one value.
    mutating func readArray(_ element: (inout JSONParser, Int) throws -> Void) throws {
        try enterNesting()
        index += 1
        skipWhitespace()
        if try peek() == 0x5D {  // ]
            index += 1
            depth -= 1
            skipWhitespace()
            return
        }
        var position = 0
        while true {
            try element(&self, position)
            position += 1
            switch try peek() {
            case 0x2C:  // ,
                index += 1
                skipWhitespace()
            case 0x5D:  // ]
                index += 1
                depth -= 1
                skipWhitespace()
                return
            default:
                throw syntaxError("expected ',' or ']' in an array")
            }
        }
    }

    // MARK: Values

    private mutating func parseValue() throws -> JSONValue {
        guard index < bytes.count else { throw syntaxError("unexpected end of input") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return .object(try parseObject())
        case UInt8(ascii: "["): return .array(try parseArray())
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw syntaxError("unexpected character")
        }
    }

    private mutating func parseObject() throws -> [String: JSONValue] {
        try enterNesting()
        index += 1
        skipWhitespace()
        if try peek() == 0x7D {  // }
            index += 1
            depth -= 1
            return [:]
        }
        let first = memberStack.count
        defer { memberStack.removeSubrange(first...) }
        while true {
            guard try peek() == 0x22 else { throw syntaxError("expected a member name") }
            let name = try parseString()
            skipWhitespace()
            guard try peek() == 0x3A else { throw syntaxError("expected ':' after a member name") }  // :
            index += 1
            skipWhitespace()
            try memberStack.append((name, try parseValue()), charging: &allowance)
            skipWhitespace()
            switch try peek() {
            case 0x2C:  // ,
                index += 1
                skipWhitespace()
            case 0x7D:  // }
                index += 1
                depth -= 1
                return try makeObject(memberStack[first...])
            default:
                throw syntaxError("expected ',' or '}' in an object")
            }
        }
    }

    /// The dictionary of an object's members, sized once so that no member is hashed twice while it grows.
    ///
    /// A name repeated byte for byte is `invalid_json`. Two names that differ only in Unicode normalisation are
    /// different names on the wire, but one `String` key here (Swift compares strings by canonical equivalence):
    /// such an object is refused as `invalid_message` rather than one value silently dropped. Hashing is linear
    /// because every name has passed the stream-safe check (or the payload is already refused, and nothing is
    /// built).
    private mutating func makeObject(
        _ members: ArraySlice<(name: String, value: JSONValue)>
    ) throws -> [String: JSONValue] {
        guard deferredProblem == nil else { return [:] }
        try allowance.charge(
            DecodingAllowance.dictionaryCost(
                count: members.count, entryStride: MemoryLayout<(String, JSONValue)>.stride))
        var object = [String: JSONValue](minimumCapacity: members.count)
        for member in members {
            if let existing = object.index(forKey: member.name) {
                let other = object.keys[existing]
                if other.utf8.elementsEqual(member.name.utf8) {
                    throw syntaxError("member name '\(Self.excerpt(other))' repeated in one object")
                }
                deferProblem(
                    "object keys '\(Self.excerpt(other))' and '\(Self.excerpt(member.name))' differ only "
                        + "in Unicode normalization; BulletinSync does not accept both in one object")
                return [:]
            }
            object[member.name] = member.value
        }
        return object
    }

    private mutating func parseArray() throws -> [JSONValue] {
        try enterNesting()
        index += 1
        skipWhitespace()
        if try peek() == 0x5D {  // ]
            index += 1
            depth -= 1
            return []
        }
        let first = elementStack.count
        defer { elementStack.removeSubrange(first...) }
        while true {
            try elementStack.append(try parseValue(), charging: &allowance)
            skipWhitespace()
            switch try peek() {
            case 0x2C:  // ,
                index += 1
                skipWhitespace()
            case 0x5D:  // ]
                index += 1
                depth -= 1
                let count = elementStack.count - first
                try allowance.charge(DecodingAllowance.arrayCost(count: count, stride: MemoryLayout<JSONValue>.stride))
                return Array(elementStack[first...])
            default:
                throw syntaxError("expected ',' or ']' in an array")
            }
        }
    }

    mutating func enterNesting() throws {
        depth += 1
        guard depth <= Self.maximumDepth else {
            throw syntaxError("nested deeper than \(Self.maximumDepth) levels")
        }
    }

    mutating func literal(_ text: StaticString, _ value: JSONValue) throws -> JSONValue {
        let count = text.utf8CodeUnitCount
        guard index + count <= bytes.count,
            text.withUTF8Buffer({ UnsafeRawBufferPointer($0).elementsEqual(bytes[index..<index + count]) })
        else { throw syntaxError("unknown literal") }
        index += count
        return value
    }

    // MARK: Strings

    /// Reads a string (index at its `"`) into a `String`, charged to the allowance. A string that is not
    /// stream-safe becomes `""` and a deferred problem.
    mutating func parseString() throws -> String {
        let utf8 = try scanString(into: scratch)
        guard deferredProblem == nil else { return "" }
        try allowance.charge(DecodingAllowance.stringCost(utf8Count: utf8.count))
        return try makeString(utf8)
    }

    /// Reads a string (index at its `"`) and returns its unescaped UTF-8 bytes: a slice of the text when it has no
    /// escapes, else the contents of `buffer`; valid until `buffer` is next written. Checks that it is
    /// stream-safe (a deferred problem if not).
    mutating func scanString(into buffer: ScratchBytes) throws -> UnsafeRawBufferPointer {
        let opening = index
        index += 1
        let start = index
        index = endOfPlainRun(from: index)
        guard index < bytes.count else { throw syntaxError("unterminated string") }
        let utf8: UnsafeRawBufferPointer
        switch bytes[index] {
        case 0x22:  // the closing quote
            utf8 = UnsafeRawBufferPointer(rebasing: bytes[start..<index])
            index += 1
        case 0x5C:  // a backslash
            utf8 = try scanEscapedString(from: start, into: buffer)
        default:
            throw syntaxError("unescaped control character in a string")
        }
        if !StreamSafeText.isStreamSafe(utf8) {
            deferProblem(
                "the string at byte \(opening) has more than \(StreamSafeText.maximumNonStarters) "
                    + "combining marks in a row (Unicode stream-safe text format)")
        }
        return utf8
    }

    /// Continues a string at its first backslash, unescaping into `buffer` (plain runs are copied whole).
    private mutating func scanEscapedString(
        from start: Int, into buffer: ScratchBytes
    ) throws -> UnsafeRawBufferPointer {
        buffer.removeAll()
        try allowance.charge(buffer.append(UnsafeRawBufferPointer(rebasing: bytes[start..<index])))
        while true {
            try appendEscape(into: buffer)
            let runStart = index
            index = endOfPlainRun(from: index)
            try allowance.charge(buffer.append(UnsafeRawBufferPointer(rebasing: bytes[runStart..<index])))
            guard index < bytes.count else { throw syntaxError("unterminated string") }
            switch bytes[index] {
            case 0x22:
                index += 1
                return buffer.bytes
            case 0x5C:
                continue
            default:
                throw syntaxError("unescaped control character in a string")
            }
        }
    }

    /// The index of the first byte at or after `start` that ends a plain run of string content: `"`, `\` or a
    /// control character; `bytes.count` if there is none. Looks at 16 bytes at a time where it can.
    private func endOfPlainRun(from start: Int) -> Int {
        typealias Block = SIMD16<UInt8>
        var position = start
        if let base = bytes.baseAddress {
            while position + Block.scalarCount <= bytes.count {
                let block = base.loadUnaligned(fromByteOffset: position, as: Block.self)
                let special =
                    (block .== Block(repeating: 0x22)) .| (block .== Block(repeating: 0x5C))
                    .| (block .< Block(repeating: 0x20))
                if any(special) {
                    break
                }
                position += Block.scalarCount
            }
        }
        while position < bytes.count {
            let byte = bytes[position]
            if byte == 0x22 || byte == 0x5C || byte < 0x20 {
                return position
            }
            position += 1
        }
        return position
    }

    /// Reads one escape sequence (index at the backslash) into `buffer` as UTF-8.
    private mutating func appendEscape(into buffer: ScratchBytes) throws {
        index += 1
        guard index < bytes.count else { throw syntaxError("unterminated escape") }
        let letter = bytes[index]
        index += 1
        let byte: UInt8
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): byte = letter
        case UInt8(ascii: "b"): byte = 0x08
        case UInt8(ascii: "f"): byte = 0x0C
        case UInt8(ascii: "n"): byte = 0x0A
        case UInt8(ascii: "r"): byte = 0x0D
        case UInt8(ascii: "t"): byte = 0x09
        case UInt8(ascii: "u"):
            var value = UInt32(try hexQuad())
            if (0xD800..<0xDC00).contains(value) {
                // A high surrogate must be followed by an escaped low surrogate; together they are one scalar.
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
                else { throw syntaxError("unpaired surrogate escape") }
                index += 2
                let low = UInt32(try hexQuad())
                guard (0xDC00..<0xE000).contains(low) else { throw syntaxError("unpaired surrogate escape") }
                value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00..<0xE000).contains(value) {
                throw syntaxError("unpaired surrogate escape")
            }
            guard let scalar = Unicode.Scalar(value) else { throw syntaxError("invalid escape") }
            for unit in scalar.utf8 {
                try allowance.charge(buffer.append(unit))
            }
            return
        default:
            throw syntaxError("invalid escape")
        }
        try allowance.charge(buffer.append(byte))
    }

    private mutating func hexQuad() throws -> UInt16 {
        guard index + 4 <= bytes.count else { throw syntaxError("truncated \\u escape") }
        var value: UInt16 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw syntaxError("invalid \\u escape")
            }
            value = value << 4 | UInt16(digit)
            index += 1
        }
        return value
    }

    /// A string from bytes of the already validated text: between two `"` (or unescaped), they are valid UTF-8.
    func makeString(_ utf8: UnsafeRawBufferPointer) throws -> String {
        let units = utf8.bindMemory(to: UInt8.self)
        if #available(macOS 26, iOS 26, tvOS 26, watchOS 26, visionOS 26, *) {
            // Skips the standard library's second, slower validation of the same bytes. Saying whether the text is
            // ASCII matters: hashing a string not known to be ASCII (member names, as dictionary keys) normalizes it.
            return String(copying: UTF8Span(unchecked: units.span, isKnownASCII: Self.isASCII(utf8)))
        }
        guard let text = String(validating: units, as: UTF8.self) else { throw ProtocolError.invalidUTF8 }
        return text
    }

    /// Whether every byte is below 0x80; stops at the first that is not.
    private static func isASCII(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var offset = 0
        while offset + 8 <= bytes.count {
            guard base.loadUnaligned(fromByteOffset: offset, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 else {
                return false
            }
            offset += 8
        }
        while offset < bytes.count {
            guard bytes[offset] < 0x80 else { return false }
            offset += 1
        }
        return true
    }

    // MARK: Numbers

    mutating func parseNumber() throws -> JSONValue {
        let start = index
        var isInteger = true
        if bytes[index] == UInt8(ascii: "-") {
            index += 1
        }
        guard index < bytes.count, isDigit(bytes[index]) else { throw syntaxError("invalid number") }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            skipDigits()
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else { throw syntaxError("invalid number") }
            skipDigits()
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard index < bytes.count, isDigit(bytes[index]) else { throw syntaxError("invalid number") }
            skipDigits()
        }
        let token = UnsafeRawBufferPointer(rebasing: bytes[start..<index])
        if isInteger, let value = Self.int64(token) {
            // `-0` is the double -0.0 (canonical JSON writes -0.0 as `-0`), so that it reads back and re-writes to
            // the same bytes; every other integer token is an integer.
            if value == 0, token.count == 2, token[0] == UInt8(ascii: "-") {
                return .double(-0.0)
            }
            return .int(value)
        }
        // The token is ASCII digits and signs only, checked above.
        let text = String(decoding: token, as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            throw ProtocolError.invalidMessage("number \(text.prefix(40)) is out of range")
        }
        return .double(value)
    }

    /// The value of an optionally negative run of digits, or `nil` if it does not fit in 64 bits.
    private static func int64(_ token: UnsafeRawBufferPointer) -> Int64? {
        let negative = token.first == UInt8(ascii: "-")
        var magnitude: UInt64 = 0
        for byte in token.dropFirst(negative ? 1 : 0) {
            let (times10, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(UInt64(byte - UInt8(ascii: "0")))
            guard !overflow1, !overflow2 else { return nil }
            magnitude = sum
        }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
            return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { return nil }
        return Int64(magnitude)
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private mutating func skipDigits() {
        while index < bytes.count, isDigit(bytes[index]) {
            index += 1
        }
    }

    // MARK: Helpers

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    func syntaxError(_ why: String) -> ProtocolError {
        .invalidJSON("\(why) at byte \(index)")
    }

    /// At most the first 40 bytes of a text, for error messages (a cut multi-byte character becomes U+FFFD).
    static func excerpt(_ utf8: UnsafeRawBufferPointer) -> String {
        String(decoding: utf8.prefix(40), as: UTF8.self) + (utf8.count > 40 ? "…" : "")
    }

    /// At most the first 40 bytes of a text, for error messages.
    static func excerpt(_ text: String) -> String {
        var text = text
        return text.withUTF8 { excerpt(UnsafeRawBufferPointer($0)) }
    }
}
