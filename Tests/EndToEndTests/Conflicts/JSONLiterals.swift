import SyncProtocol

/// Literals for expected field values in the tests: `"open"` and `true` stand for `.string` and `.bool`.
extension JSONValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral {
    /// A JSON string.
    public init(stringLiteral value: String) { self = .string(value) }
    /// A JSON boolean.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}
