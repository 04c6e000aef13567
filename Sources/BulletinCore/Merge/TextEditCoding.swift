import SyncProtocol

extension TextEdit {
    /// The wire form: `{"h": "<fingerprint>", "n": <base paragraph count>, "ops": [<paragraph operations>]}`.
    public var jsonValue: JSONValue {
        .object([
            "h": .string(baseHash),
            "n": .int(Int64(baseCount)),
            "ops": .array(operations.map(\.jsonValue)),
        ])
    }

    /// Reads the wire form; unknown members are ignored.
    /// - Throws: ``TextEditError/malformed(_:)`` when the shape is wrong (with what and where).
    public init(jsonValue: JSONValue) throws(TextEditError) {
        guard let members = jsonValue.objectValue else { throw .malformed("a text edit must be a JSON object") }
        guard let hash = members["h"]?.stringValue, TextFingerprint.isWellFormed(hash) else {
            throw .malformed("\"h\" must be 16 lowercase hex digits")
        }
        guard let count = members["n"]?.intValue.flatMap({ Int(exactly: $0) }), count >= 0 else {
            throw .malformed("\"n\" must be a non-negative integer")
        }
        guard let items = members["ops"]?.arrayValue else { throw .malformed("\"ops\" must be an array") }
        var operations: [ParagraphOperation] = []
        operations.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            operations.append(try ParagraphOperation(jsonValue: item, at: index))
        }
        self.init(baseCount: count, baseHash: hash, operations: operations)
    }
}

extension TextEdit: TextEditWireValue {}

extension TextEdit.ParagraphOperation {
    /// The wire form: `n`, `-n`, a string, or an array of span operations.
    public var jsonValue: JSONValue {
        switch self {
        case .keep(let count): .int(Int64(count))
        case .delete(let count): .int(-Int64(count))
        case .insert(let paragraph): .string(paragraph)
        case .edit(let spans): .array(spans.map(\.jsonValue))
        }
    }

    init(jsonValue: JSONValue, at index: Int) throws(TextEditError) {
        switch jsonValue {
        case .string(let paragraph):
            self = .insert(paragraph)
        case .array(let items):
            var spans: [TextEdit.SpanOperation] = []
            spans.reserveCapacity(items.count)
            for (spanIndex, item) in items.enumerated() {
                spans.append(try TextEdit.SpanOperation(jsonValue: item, at: "ops[\(index)][\(spanIndex)]"))
            }
            self = .edit(spans)
        default:
            let count = try WireCount.parse(jsonValue, at: "ops[\(index)]")
            self = count > 0 ? .keep(count) : .delete(-count)
        }
    }
}

extension TextEdit.SpanOperation {
    /// The wire form: `n`, `-n` or a string.
    public var jsonValue: JSONValue {
        switch self {
        case .keep(let count): .int(Int64(count))
        case .delete(let count): .int(-Int64(count))
        case .insert(let text): .string(text)
        }
    }

    init(jsonValue: JSONValue, at path: String) throws(TextEditError) {
        if case .string(let text) = jsonValue {
            self = .insert(text)
        } else {
            let count = try WireCount.parse(jsonValue, at: path)
            self = count > 0 ? .keep(count) : .delete(-count)
        }
    }
}

/// Reads the signed, non-zero integer counts of edit operations.
private enum WireCount {
    static func parse(_ value: JSONValue, at path: String) throws(TextEditError) -> Int {
        guard let wide = value.intValue, wide != 0, wide != Int64.min, let count = Int(exactly: wide) else {
            throw .malformed("\(path) must be a non-zero integer, a string or (at paragraph level) an array")
        }
        return count
    }
}
