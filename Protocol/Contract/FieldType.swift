/// The JSON type and format of one field's value under the data contract (PROTOCOL.md section 21).
///
/// ``check(_:)`` tells a wrong JSON type (``ContractCode/wrongType``) from a right type in the wrong format
/// (``ContractCode/invalidFormat``); `null` is decided by the field's nullability, never here.
public enum FieldType: Sendable, Hashable {
    /// A string of editors' text: NFC with `\n` line endings.
    case text
    /// A UUID in lowercase text form.
    case uuid
    /// A calendar date `YYYY-MM-DD`.
    case date
    /// An ISO 8601 UTC timestamp `YYYY-MM-DDTHH:MM:SS[.fraction]Z`.
    case timestamp
    /// One of these strings; the list's order is the enumeration's order (a forward-only field moves along it).
    case enumeration([String])
    /// Any finite JSON number (integral or not).
    case number
    /// An integer.
    case integer
    /// A non-negative integer.
    case index
    /// `true` or `false`.
    case bool
    /// An array of text strings.
    case textArray
    /// A citation `{"outlet": text, "date": text, "authors": [text]}`, exactly these members.
    case citation
    /// A text range `{"start": index, "end": index}` with `start <= end`, exactly these members.
    case range
    /// Any JSON object.
    case object
    /// A hybrid-logical-clock timestamp `WWWWWWWWWWWWWWW-CCCCC` (section 11).
    case hlc
    /// Any JSON value.
    case any

    /// The members of a citation object.
    public static let citationMembers = ["outlet", "date", "authors"]
    /// The members of a range object.
    public static let rangeMembers = ["start", "end"]

    /// Why a non-null `value` does not fit, or `nil` when it does.
    public func check(_ value: JSONValue) -> (code: ContractCode, rule: String)? {
        switch self {
        case .text:
            return value.stringValue == nil ? (.wrongType, "must be a string") : nil
        case .uuid:
            guard let text = value.stringValue else { return (.wrongType, "must be a string (a lowercase uuid)") }
            return Identifiers.isLowercaseUUID(text) ? nil : (.invalidFormat, "must be a lowercase uuid")
        case .date:
            guard let text = value.stringValue else { return (.wrongType, "must be a string (a date YYYY-MM-DD)") }
            return CalendarText.isDate(text) ? nil : (.invalidFormat, "must be a real date YYYY-MM-DD")
        case .timestamp:
            guard let text = value.stringValue else { return (.wrongType, "must be a string (a UTC timestamp)") }
            return CalendarText.isUTCTimestamp(text)
                ? nil : (.invalidFormat, "must be an ISO 8601 UTC timestamp like 2024-09-05T08:30:00Z")
        case .enumeration(let allowed):
            let list = allowed.map { "\"\($0)\"" }.joined(separator: ", ")
            guard let text = value.stringValue else { return (.wrongType, "must be a string, one of \(list)") }
            return allowed.contains(text) ? nil : (.invalidFormat, "must be one of \(list)")
        case .number:
            guard let number = value.doubleValue, number.isFinite else { return (.wrongType, "must be a number") }
            return nil
        case .integer:
            return value.intValue == nil ? (.wrongType, "must be an integer") : nil
        case .index:
            guard let number = value.intValue else { return (.wrongType, "must be an integer") }
            return number >= 0 ? nil : (.invalidFormat, "must be a non-negative integer")
        case .bool:
            return value.boolValue == nil ? (.wrongType, "must be true or false") : nil
        case .textArray:
            guard let items = value.arrayValue, items.allSatisfy({ $0.stringValue != nil }) else {
                return (.wrongType, "must be an array of strings")
            }
            return nil
        case .citation:
            return Self.checkCitation(value)
        case .range:
            return Self.checkRange(value)
        case .object:
            return value.objectValue == nil ? (.wrongType, "must be an object") : nil
        case .hlc:
            guard let text = value.stringValue else { return (.wrongType, "must be a string (an hlc)") }
            return HLCTimestamp(text) == nil ? (.invalidFormat, "must be an hlc WWWWWWWWWWWWWWW-CCCCC") : nil
        case .any:
            return nil
        }
    }

    private static func checkCitation(_ value: JSONValue) -> (code: ContractCode, rule: String)? {
        let shape = "must be an object {outlet, date, authors} of strings (authors: an array of strings)"
        guard let object = value.objectValue else { return (.wrongType, shape) }
        guard object.count == citationMembers.count,
            object["outlet"]?.stringValue != nil,
            object["date"]?.stringValue != nil,
            let authors = object["authors"]?.arrayValue,
            authors.allSatisfy({ $0.stringValue != nil })
        else { return (.invalidFormat, shape) }
        return nil
    }

    private static func checkRange(_ value: JSONValue) -> (code: ContractCode, rule: String)? {
        let shape = "must be an object {start, end} of integers with 0 <= start <= end"
        guard let object = value.objectValue else { return (.wrongType, shape) }
        guard object.count == rangeMembers.count,
            let start = object["start"]?.intValue,
            let end = object["end"]?.intValue,
            start >= 0, start <= end
        else { return (.invalidFormat, shape) }
        return nil
    }
}
