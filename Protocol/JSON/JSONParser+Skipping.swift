/// Checking a value without building it: unknown members, and values of the wrong type, cost no memory beyond the
/// parser's reused buffers (PROTOCOL.md section 6: they are still checked for syntax, repeated names and
/// stream-safe strings).
extension JSONParser {
    /// Reads any value without building it, and the whitespace after it.
    mutating func skipValue() throws {
        try skipValueBody()
        skipWhitespace()
    }

    private mutating func skipValueBody() throws {
        guard index < bytes.count else { throw syntaxError("unexpected end of input") }
        switch bytes[index] {
        case UInt8(ascii: "{"):
            try readObject { parser, _ in try parser.skipValue() }
        case UInt8(ascii: "["):
            try readArray { parser, _ in try parser.skipValue() }
        case UInt8(ascii: "\""):
            _ = try scanString(into: scratch)
        case UInt8(ascii: "t"): _ = try literal("true", .null)
        case UInt8(ascii: "f"): _ = try literal("false", .null)
        case UInt8(ascii: "n"): _ = try literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            // Parsed, not only scanned: a number out of a double's range is an error wherever it appears.
            _ = try parseNumber()
        default: throw syntaxError("unexpected character")
        }
    }
}
