/// Reads the typed members of one parsed JSON object, naming the member's path in every error.
///
/// Optional members that are absent or `null` read as `nil`; required ones throw
/// ``ProtocolError/invalidMessage(_:)`` when missing, `null` or of the wrong type. Unknown members are ignored.
struct JSONObjectReader {
    private let members: [String: JSONValue]
    /// Where this object is in the message, e.g. `changes[3]`; empty for the message itself.
    private let path: String

    init(_ members: [String: JSONValue], path: String = "") {
        self.members = members
        self.path = path
    }

    /// Reads an object value as a reader of its own members.
    init(_ value: JSONValue, path: String) throws {
        guard case .object(let members) = value else { throw Self.wrongType(path, "an object") }
        self.init(members, path: path)
    }

    func path(of key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    private func present(_ key: String) -> JSONValue? {
        switch members[key] {
        case nil, .null?: nil
        case let value?: value
        }
    }

    private func required(_ key: String) throws -> JSONValue {
        guard let value = present(key) else {
            throw ProtocolError.invalidMessage(members[key] == nil
                ? "missing field '\(path(of: key))'" : "field '\(path(of: key))' must not be null")
        }
        return value
    }

    // MARK: Scalars

    func string(_ key: String) throws -> String {
        try Self.string(try required(key), path: path(of: key))
    }

    func optionalString(_ key: String) throws -> String? {
        try present(key).map { try Self.string($0, path: path(of: key)) }
    }

    func int64(_ key: String) throws -> Int64 {
        try Self.int64(try required(key), path: path(of: key))
    }

    func optionalInt64(_ key: String) throws -> Int64? {
        try present(key).map { try Self.int64($0, path: path(of: key)) }
    }

    func int(_ key: String) throws -> Int {
        guard let value = Int(exactly: try int64(key)) else { throw Self.wrongType(path(of: key), "an integer") }
        return value
    }

    func bool(_ key: String) throws -> Bool {
        try Self.bool(try required(key), path: path(of: key))
    }

    func optionalBool(_ key: String) throws -> Bool? {
        try present(key).map { try Self.bool($0, path: path(of: key)) }
    }

    /// A string member that must be one of an enumeration's raw values.
    func enumeration<Value: RawRepresentable<String>>(_ key: String, as type: Value.Type) throws -> Value {
        let text = try string(key)
        guard let value = Value(rawValue: text) else {
            throw ProtocolError.invalidMessage("field '\(path(of: key))' has an unknown value '\(text.prefix(40))'")
        }
        return value
    }

    // MARK: Containers

    func array(_ key: String) throws -> [JSONValue] {
        try Self.array(try required(key), path: path(of: key))
    }

    func optionalArray(_ key: String) throws -> [JSONValue]? {
        try present(key).map { try Self.array($0, path: path(of: key)) }
    }

    func object(_ key: String) throws -> JSONObjectReader {
        try JSONObjectReader(try required(key), path: path(of: key))
    }

    func optionalObject(_ key: String) throws -> JSONObjectReader? {
        try present(key).map { try JSONObjectReader($0, path: path(of: key)) }
    }

    /// An optional object of arbitrary values (change-record `fields`), empty when absent.
    func values(_ key: String) throws -> [String: JSONValue] {
        guard let value = present(key) else { return [:] }
        guard case .object(let members) = value else { throw Self.wrongType(path(of: key), "an object") }
        return members
    }

    /// An optional object of strings (change-record `base`), empty when absent.
    func stringValues(_ key: String) throws -> [String: String] {
        let members = try values(key)
        var result: [String: String] = [:]
        result.reserveCapacity(members.count)
        for (name, value) in members {
            result[name] = try Self.string(value, path: "\(path(of: key)).\(name)")
        }
        return result
    }

    /// Maps each element of an array member, with the element's path, e.g. `changes[2]`.
    func map<Element>(_ key: String, _ transform: (JSONValue, String) throws -> Element) throws -> [Element] {
        let elements = try array(key)
        let base = path(of: key)
        var result: [Element] = []
        result.reserveCapacity(elements.count)
        for (offset, element) in elements.enumerated() {
            result.append(try transform(element, "\(base)[\(offset)]"))
        }
        return result
    }

    func optionalMap<Element>(
        _ key: String, _ transform: (JSONValue, String) throws -> Element
    ) throws -> [Element]? {
        guard present(key) != nil else { return nil }
        return try map(key, transform)
    }

    // MARK: Conversions

    static func string(_ value: JSONValue, path: String) throws -> String {
        guard case .string(let text) = value else { throw wrongType(path, "a string") }
        return text
    }

    /// An integer; a number with an integral value in range (`7.0`, `7e0`) is accepted too, `7.5` is not.
    static func int64(_ value: JSONValue, path: String) throws -> Int64 {
        switch value {
        case .int(let number):
            return number
        case .double(let number) where number.rounded() == number && abs(number) < 9.2e18:
            return Int64(number)
        default:
            throw wrongType(path, "an integer")
        }
    }

    static func bool(_ value: JSONValue, path: String) throws -> Bool {
        guard case .bool(let flag) = value else { throw wrongType(path, "true or false") }
        return flag
    }

    static func array(_ value: JSONValue, path: String) throws -> [JSONValue] {
        guard case .array(let elements) = value else { throw wrongType(path, "an array") }
        return elements
    }

    static func wrongType(_ path: String, _ expected: String) -> ProtocolError {
        .invalidMessage("field '\(path)' must be \(expected)")
    }
}
