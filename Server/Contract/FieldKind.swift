import SyncProtocol

/// The shape a field value must have under the data contract.
///
/// Each case checks one JSON value; ``check(_:)`` answers with a reason a person can act on, or `nil` when the value
/// fits.
enum FieldKind: Sendable, Hashable {
    /// Any string.
    case string
    /// A lowercase UUID naming another entity.
    case reference
    /// A calendar date `YYYY-MM-DD`.
    case date
    /// An ISO 8601 UTC timestamp, e.g. `2024-09-05T08:30:00Z`.
    case timestamp
    /// An array of strings.
    case stringArray
    /// Any finite JSON number.
    case number
    /// An integer or `null`.
    case optionalInteger
    /// A non-negative integer or `null`.
    case optionalIndex
    /// `true` or `false`.
    case bool
    /// One of a fixed set of strings.
    case oneOf([String])
    /// A citation object `{outlet, date, authors[]}` or `null`.
    case optionalCitation
    /// A range object `{start, end}` of non-negative integers with `start <= end`, or `null`.
    case optionalRange
    /// Any JSON value.
    case anyValue
    /// `null`, or a value of the wrapped kind.
    indirect case nullable(FieldKind)

    /// Why `value` does not fit, or `nil` when it does.
    func check(_ value: JSONValue) -> String? {
        switch self {
        case .string:
            return value.stringValue == nil ? "must be a string" : nil
        case .reference:
            guard let text = value.stringValue, Identifiers.isLowercaseUUID(text) else {
                return "must be a lowercase UUID"
            }
            return nil
        case .date:
            guard let text = value.stringValue, CalendarText.isDate(text) else { return "must be a date YYYY-MM-DD" }
            return nil
        case .timestamp:
            guard let text = value.stringValue, CalendarText.isUTCTimestamp(text) else {
                return "must be an ISO 8601 UTC timestamp like 2024-09-05T08:30:00Z"
            }
            return nil
        case .stringArray:
            guard let items = value.arrayValue, items.allSatisfy({ $0.stringValue != nil }) else {
                return "must be an array of strings"
            }
            return nil
        case .number:
            guard let number = value.doubleValue, number.isFinite else { return "must be a number" }
            return nil
        case .optionalInteger:
            return value.isNull || value.intValue != nil ? nil : "must be an integer or null"
        case .optionalIndex:
            if value.isNull { return nil }
            guard let number = value.intValue, number >= 0 else { return "must be a non-negative integer or null" }
            return nil
        case .bool:
            return value.boolValue == nil ? "must be true or false" : nil
        case .oneOf(let allowed):
            guard let text = value.stringValue, allowed.contains(text) else {
                return "must be one of " + allowed.map { "\"\($0)\"" }.joined(separator: ", ")
            }
            return nil
        case .optionalCitation:
            return Self.checkCitation(value)
        case .optionalRange:
            return Self.checkRange(value)
        case .anyValue:
            return nil
        case .nullable(let kind):
            return value.isNull ? nil : kind.check(value).map { "\($0) or null" }
        }
    }

    private static func checkCitation(_ value: JSONValue) -> String? {
        if value.isNull { return nil }
        let shape = "must be null or an object {outlet, date, authors} of strings (authors: an array)"
        guard let object = value.objectValue,
              Set(object.keys) == ["outlet", "date", "authors"],
              object["outlet"]?.stringValue != nil,
              object["date"]?.stringValue != nil,
              let authors = object["authors"]?.arrayValue,
              authors.allSatisfy({ $0.stringValue != nil })
        else { return shape }
        return nil
    }

    private static func checkRange(_ value: JSONValue) -> String? {
        if value.isNull { return nil }
        guard let object = value.objectValue,
              Set(object.keys) == ["start", "end"],
              let start = object["start"]?.intValue,
              let end = object["end"]?.intValue,
              start >= 0, start <= end
        else { return "must be null or an object {start, end} of integers with 0 <= start <= end" }
        return nil
    }
}
