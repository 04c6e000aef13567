/// Parses one JSON text (RFC 8259, strictly) into a ``JSONValue``.
///
/// Built for hostile input: the text must be valid UTF-8 as a whole, nesting is limited to ``maximumDepth``, and
/// nothing is allocated from a length the input claims. Integers that fit in 64 bits become `.int`; other numbers
/// `.double` (a number too large for a double is rejected rather than turned into infinity).
struct JSONParser {
    /// The deepest nesting of arrays and objects accepted.
    static let maximumDepth = 128

    private let bytes: UnsafeRawBufferPointer
    private var index = 0
    private var depth = 0
    /// Reused for strings that contain escapes.
    private var scratch: [UInt8] = []
    /// Members of the objects being parsed, innermost last: each object is built at its exact size at the end.
    private var memberStack: [(name: String, value: JSONValue)] = []
    /// Elements of the arrays being parsed, innermost last.
    private var elementStack: [JSONValue] = []

    private init(bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    /// A parser at the start of `bytes`, once they are known to be valid UTF-8.
    ///
    /// - Throws: ``ProtocolError/invalidUTF8``: PROTOCOL.md checks UTF-8 before JSON, and strings can then be made
    ///   without checking them again.
    init(validating bytes: UnsafeRawBufferPointer) throws {
        guard UTF8Validation.isValid(bytes) else { throw ProtocolError.invalidUTF8 }
        self.init(bytes: bytes)
        skipWhitespace()
    }

    /// Parses `bytes`, which must hold exactly one JSON value, optionally surrounded by whitespace.
    ///
    /// - Throws: ``ProtocolError/invalidJSON(_:)`` for a syntax error, ``ProtocolError/invalidUTF8`` for a text
    ///   that is not valid UTF-8, ``ProtocolError/invalidMessage(_:)`` for a number out of range.
    static func parse(_ bytes: UnsafeRawBufferPointer) throws -> JSONValue {
        var parser = try JSONParser(validating: bytes)
        let value = try parser.parseValue()
        try parser.finish()
        return value
    }

    /// Checks that only whitespace follows the value just read.
    mutating func finish() throws {
        skipWhitespace()
        guard index == bytes.count else { throw syntaxError("unexpected bytes after the JSON value") }
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

    /// Reads an object (the parser must be at its `{`), calling `member` with each name; `member` must read
    /// exactly one value.
    mutating func readObject(_ member: (inout JSONParser, String) throws -> Void) throws {
        try enterNesting()
        index += 1
        skipWhitespace()
        if try peek() == 0x7D {  // }
            index += 1
            depth -= 1
            skipWhitespace()
            return
        }
        while true {
            guard try peek() == 0x22 else { throw syntaxError("expected a member name") }
            let name = try readString()
            guard try peek() == 0x3A else { throw syntaxError("expected ':' after a member name") }  // :
            index += 1
            skipWhitespace()
            try member(&self, name)
            switch try peek() {
            case 0x2C:  // ,
                index += 1
                skipWhitespace()
            case 0x7D:  // }
                index += 1
                depth -= 1
                skipWhitespace()
                return
            default:
                throw syntaxError("expected ',' or '}' in an object")
            }
        }
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
            memberStack.append((name, try parseValue()))
            skipWhitespace()
            switch try peek() {
            case 0x2C:  // ,
                index += 1
                skipWhitespace()
            case 0x7D:  // }
                index += 1
                depth -= 1
                // Sized once, so that no member is hashed twice while the dictionary grows. A repeated name keeps
                // its last value (PROTOCOL.md section 6 allows either).
                var members = [String: JSONValue](minimumCapacity: memberStack.count - first)
                for member in memberStack[first...] {
                    members[member.name] = member.value
                }
                return members
            default:
                throw syntaxError("expected ',' or '}' in an object")
            }
        }
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
            elementStack.append(try parseValue())
            skipWhitespace()
            switch try peek() {
            case 0x2C:  // ,
                index += 1
                skipWhitespace()
            case 0x5D:  // ]
                index += 1
                depth -= 1
                return Array(elementStack[first...])
            default:
                throw syntaxError("expected ',' or ']' in an array")
            }
        }
    }

    private mutating func enterNesting() throws {
        depth += 1
        guard depth <= Self.maximumDepth else {
            throw syntaxError("nested deeper than \(Self.maximumDepth) levels")
        }
    }

    private mutating func literal(_ text: StaticString, _ value: JSONValue) throws -> JSONValue {
        let count = text.utf8CodeUnitCount
        guard index + count <= bytes.count,
              text.withUTF8Buffer({ UnsafeRawBufferPointer($0).elementsEqual(bytes[index..<index + count]) })
        else { throw syntaxError("unknown literal") }
        index += count
        return value
    }

    // MARK: Strings

    private mutating func parseString() throws -> String {
        index += 1
        let start = index
        index = endOfPlainRun(from: index)
        guard index < bytes.count else { throw syntaxError("unterminated string") }
        switch bytes[index] {
        case 0x22:  // the closing quote
            let text = try makeString(UnsafeRawBufferPointer(rebasing: bytes[start..<index]))
            index += 1
            return text
        case 0x5C:  // a backslash
            return try parseEscapedString(from: start)
        default:
            throw syntaxError("unescaped control character in a string")
        }
    }

    /// Continues a string at its first backslash, unescaping into `scratch` (plain runs are copied whole).
    private mutating func parseEscapedString(from start: Int) throws -> String {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[start..<index]))
        while true {
            try appendEscape()
            let runStart = index
            index = endOfPlainRun(from: index)
            scratch.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[runStart..<index]))
            guard index < bytes.count else { throw syntaxError("unterminated string") }
            switch bytes[index] {
            case 0x22:
                index += 1
                return try scratch.withUnsafeBytes { try makeString($0) }
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
                let special = (block .== Block(repeating: 0x22)) .| (block .== Block(repeating: 0x5C))
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

    /// Reads one escape sequence (index at the backslash) into `scratch` as UTF-8.
    private mutating func appendEscape() throws {
        index += 1
        guard index < bytes.count else { throw syntaxError("unterminated escape") }
        let letter = bytes[index]
        index += 1
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(letter)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
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
            scratch.append(contentsOf: scalar.utf8)
        default:
            throw syntaxError("invalid escape")
        }
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
    private func makeString(_ utf8: UnsafeRawBufferPointer) throws -> String {
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

    private mutating func parseNumber() throws -> JSONValue {
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

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }


    private func syntaxError(_ why: String) -> ProtocolError {
        .invalidJSON("\(why) at byte \(index)")
    }
}
