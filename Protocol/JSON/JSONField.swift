/// What is wrong with a member, as a path relative to the member (e.g. `[3].hlc`) and a reason (`is missing`).
struct FieldProblem: Error {
    /// The path below the member, e.g. `[3].hlc`; empty for the member itself.
    var path: String
    /// What is wrong, completing "field 'NAME' …", e.g. `must be a string`.
    var reason: String

    /// The same problem seen from the enclosing value, e.g. `inside("[3]")`.
    func inside(_ prefix: String) -> FieldProblem {
        FieldProblem(path: prefix + path, reason: reason)
    }

    /// The `invalid_message` error for this problem in member `name` of the message.
    func error(member name: String) -> ProtocolError {
        .invalidMessage("field '\(name)\(path)' \(reason)")
    }
}

/// One member of an object as read: absent, `null`, a usable value, or a value with a problem.
///
/// A problem does not stop reading: the rest of the payload must still be checked for JSON syntax (a fatal error
/// that takes precedence), and a problem only matters if the message type uses that member.
enum JSONField<Value> {
    /// The member did not appear.
    case absent
    /// The member was `null`.
    case null
    /// A usable value.
    case value(Value)
    /// A value of the wrong type or an unacceptable value.
    case invalid(FieldProblem)

    /// The value of a required member, or the problem, with `path` (e.g. `.hlc`) in front.
    func required(_ path: String = "") throws(FieldProblem) -> Value {
        switch self {
        case .value(let value): return value
        case .absent: throw FieldProblem(path: path, reason: "is missing")
        case .null: throw FieldProblem(path: path, reason: "must not be null")
        case .invalid(let problem): throw problem.inside(path)
        }
    }

    /// The value of an optional member (`nil` when absent or `null`), or the problem.
    func optional(_ path: String = "") throws(FieldProblem) -> Value? {
        switch self {
        case .value(let value): return value
        case .absent, .null: return nil
        case .invalid(let problem): throw problem.inside(path)
        }
    }

    /// A field made by `build`, or the problem it met.
    static func assemble(_ build: () throws(FieldProblem) -> Value) -> JSONField {
        do {
            return .value(try build())
        } catch {
            return .invalid(error)
        }
    }
}

/// Typed reads of one member value each. Syntax errors throw (they are fatal); a value of the wrong JSON type is
/// read anyway (so that its syntax is checked) and returned as ``JSONField/invalid(_:)``.
extension JSONParser {
    mutating func stringField() throws -> JSONField<String> {
        guard try peek() == 0x22 else { return try mismatch("must be a string") }  // "
        return .value(try readString())
    }

    mutating func int64Field() throws -> JSONField<Int64> {
        switch try peek() {
        case 0x2D, 0x30...0x39:  // - 0-9
            switch try readValue() {
            case .int(let number):
                return .value(number)
            case .double(let number) where number.rounded() == number && abs(number) < 9.2e18:
                // 7.0 and 7e2 are integers written another way; 7.5 is not.
                return .value(Int64(number))
            default:
                return .invalid(FieldProblem(path: "", reason: "must be an integer"))
            }
        default:
            return try mismatch("must be an integer")
        }
    }

    mutating func intField() throws -> JSONField<Int> {
        switch try int64Field() {
        case .value(let number):
            guard let value = Int(exactly: number) else {
                return .invalid(FieldProblem(path: "", reason: "must be an integer"))
            }
            return .value(value)
        case .absent: return .absent
        case .null: return .null
        case .invalid(let problem): return .invalid(problem)
        }
    }

    mutating func boolField() throws -> JSONField<Bool> {
        switch try peek() {
        case 0x74, 0x66:  // t f
            guard case .bool(let flag) = try readValue() else { return try mismatch("must be true or false") }
            return .value(flag)
        default:
            return try mismatch("must be true or false")
        }
    }

    /// A string member that must be one of an enumeration's raw values, matched on its UTF-8 bytes (no `String` is
    /// made of the text).
    mutating func enumerationField<Value: RawRepresentable<String> & CaseIterable>(
        _ type: Value.Type
    ) throws -> JSONField<Value> {
        guard try peek() == 0x22 else { return try mismatch("must be a string") }  // "
        return try readStringBytes { text in
            for value in Value.allCases where value.rawValue.utf8.elementsEqual(text) {
                return .value(value)
            }
            return .invalid(FieldProblem(path: "", reason: "has an unknown value '\(JSONParser.excerpt(text))'"))
        }
    }

    /// A hybrid-logical-clock member (change-record `hlc`), parsed from its bytes.
    mutating func hlcField() throws -> JSONField<HLCTimestamp> {
        guard try peek() == 0x22 else { return try mismatch("must be a string") }  // "
        return try readStringBytes { text in
            guard let hlc = HLCTimestamp(utf8: text) else {
                return .invalid(
                    FieldProblem(
                        path: "", reason: "must look like 001725523200000-00003, not '\(JSONParser.excerpt(text))'"))
            }
            return .value(hlc)
        }
    }

    /// A string member that names something from a short list (a message's `type`): a text longer than
    /// `maximumBytes` is cut there (and marked with `…`), so that comparing it with the names stays cheap and it
    /// still matches none of them.
    mutating func tokenField(maximumBytes: Int = 64) throws -> JSONField<String> {
        guard try peek() == 0x22 else { return try mismatch("must be a string") }  // "
        return try readStringBytes { text in
            guard text.count > maximumBytes else { return .value(String(decoding: text, as: UTF8.self)) }
            var end = maximumBytes
            while end > 0, text[end] & 0xC0 == 0x80 {
                end -= 1
            }
            return .value(String(decoding: UnsafeRawBufferPointer(rebasing: text[..<end]), as: UTF8.self) + "…")
        }
    }

    /// An object member read by `read` (the parser is at its `{`).
    mutating func objectField<Value>(
        _ read: (inout JSONParser) throws -> JSONField<Value>
    ) throws -> JSONField<Value> {
        guard try peek() == 0x7B else { return try mismatch("must be an object") }  // {
        return try read(&self)
    }

    /// An array member whose elements `element` reads; the first element with a problem makes the array's problem.
    ///
    /// Each element is charged to the allowance at twice its stride: the array's capacity grows by doubling.
    mutating func arrayField<Element>(
        _ element: (inout JSONParser) throws -> JSONField<Element>
    ) throws -> JSONField<[Element]> {
        guard try peek() == 0x5B else { return try mismatch("must be an array") }  // [
        var elements: [Element] = []
        var problem: FieldProblem?
        try readArray { parser, position in
            switch try element(&parser) {
            case .value(let value):
                try parser.allowance.charge(2 * MemoryLayout<Element>.stride)
                elements.append(value)
            case .absent, .null:
                problem = problem ?? FieldProblem(path: "[\(position)]", reason: "must not be null")
            case .invalid(let inner):
                problem = problem ?? inner.inside("[\(position)]")
            }
        }
        if let problem {
            return .invalid(problem)
        }
        return .value(elements)
    }

    /// An object of any values (change-record `fields`).
    mutating func valuesField() throws -> JSONField<[String: JSONValue]> {
        guard try peek() == 0x7B else { return try mismatch("must be an object") }  // {
        guard case .object(let members) = try readValue() else { preconditionFailure("a '{' starts an object") }
        return .value(members)
    }

    /// An object of strings (change-record `base`).
    mutating func stringsField() throws -> JSONField<[String: String]> {
        try objectField { parser in
            var members: [String: String] = [:]
            var problem: FieldProblem?
            try parser.readObject { parser, name in
                // Byte-equal repeats are invalid_json (readObject); names equal only after normalisation would
                // be one key here, so they are refused rather than one value dropped (PROTOCOL.md section 6).
                guard parser.deferredProblem == nil else {
                    // The payload is refused already; a name that is not stream-safe must not be hashed.
                    try parser.skipValue()
                    return
                }
                let key = name.string
                switch try parser.stringField() {
                case .value(let text):
                    if members[key] != nil {
                        problem =
                            problem
                            ?? FieldProblem(
                                path: ".\(name)", reason: "differs from another key only in Unicode normalization")
                    }
                    try parser.allowance.charge(
                        DecodingAllowance.stringCost(utf8Count: name.bytes.count) + 3 * MemoryLayout<String>.stride)
                    members[key] = text
                case .absent, .null: problem = problem ?? FieldProblem(path: ".\(name)", reason: "must be a string")
                case .invalid(let inner): problem = problem ?? inner.inside(".\(name)")
                }
            }
            return problem.map { .invalid($0) } ?? .value(members)
        }
    }

    /// Reads (and so checks) a value of the wrong JSON type: `null` is reported as such, anything else as `reason`.
    private mutating func mismatch<Value>(_ reason: String) throws -> JSONField<Value> {
        if try peek() == 0x6E {  // n
            _ = try readValue()
            return .null
        }
        try skipValue()
        return .invalid(FieldProblem(path: "", reason: reason))
    }
}
