import BulletinCore
import SyncProtocol

/// Reads typed values out of a change record's JSON fields, failing with ``StoreError/invalidField`` on the
/// wrong type, so that nothing malformed reaches a typed column.
///
/// Text is taken as it comes: user input is normalised where it enters (commands, import), and a replica must
/// store exactly what the change says so that every replica holds the same state.
struct FieldDecoding {
    /// The entity the fields belong to (for error messages).
    let entity: EntityKind
    /// The entity's id (for error messages).
    let id: String

    private func invalid(_ field: String, _ expected: String) -> StoreError {
        .invalidField(entity: entity, id: id, field: field, expected: expected)
    }

    func string(_ value: JSONValue, _ field: String) throws -> String {
        guard let text = value.stringValue else { throw invalid(field, "a string") }
        return text
    }

    func optionalString(_ value: JSONValue, _ field: String) throws -> String? {
        if value.isNull { return nil }
        guard let text = value.stringValue else { throw invalid(field, "a string or null") }
        return text
    }

    func strings(_ value: JSONValue, _ field: String) throws -> [String] {
        guard let items = value.arrayValue else { throw invalid(field, "an array of strings") }
        return try items.map { item in
            guard let text = item.stringValue else { throw invalid(field, "an array of strings") }
            return text
        }
    }

    func number(_ value: JSONValue, _ field: String) throws -> Double {
        guard let number = value.doubleValue, number.isFinite else { throw invalid(field, "a number") }
        return number
    }

    func optionalInt(_ value: JSONValue, _ field: String) throws -> Int? {
        if value.isNull { return nil }
        guard let number = value.intValue, let int = Int(exactly: number) else {
            throw invalid(field, "an integer or null")
        }
        return int
    }

    func bool(_ value: JSONValue, _ field: String) throws -> Bool {
        guard let flag = value.boolValue else { throw invalid(field, "true or false") }
        return flag
    }

    func choice<Choice: RawRepresentable<String>>(_ value: JSONValue, _ field: String, as: Choice.Type) throws
        -> Choice
    {
        guard let text = value.stringValue, let choice = Choice(rawValue: text) else {
            throw invalid(field, "one of the allowed words")
        }
        return choice
    }

    func citation(_ value: JSONValue, _ field: String) throws -> Citation? {
        if value.isNull { return nil }
        let expected = "null or {outlet, date, authors}"
        guard let object = value.objectValue,
            let outlet = object["outlet"]?.stringValue,
            let date = object["date"]?.stringValue,
            let authors = object["authors"]?.arrayValue
        else { throw invalid(field, expected) }
        let names = try authors.map { author in
            guard let name = author.stringValue else { throw invalid(field, expected) }
            return name
        }
        return Citation(outlet: outlet, date: date, authors: names)
    }

    func textRange(_ value: JSONValue, _ field: String) throws -> TextRange? {
        if value.isNull { return nil }
        guard let object = value.objectValue,
            let start = object["start"]?.intValue, let end = object["end"]?.intValue,
            let startInt = Int(exactly: start), let endInt = Int(exactly: end), startInt <= endInt
        else { throw invalid(field, "null or {start, end} with start <= end") }
        return TextRange(start: startInt, end: endInt)
    }
}

/// Turns typed values back into the JSON of change records.
enum FieldEncoding {
    static func strings(_ values: [String]) -> JSONValue {
        .array(values.map(JSONValue.string))
    }

    /// Whole positions travel as integers, so that they survive a round trip through any JSON parser unchanged.
    static func number(_ value: Double) -> JSONValue {
        if value.rounded() == value, abs(value) < 9e15 {
            return .int(Int64(value))
        }
        return .double(value)
    }

    static func optionalInt(_ value: Int?) -> JSONValue {
        value.map { .int(Int64($0)) } ?? .null
    }

    static func citation(_ value: Citation?) -> JSONValue {
        guard let value else { return .null }
        return .object([
            "outlet": .string(value.outlet),
            "date": .string(value.date),
            "authors": strings(value.authors),
        ])
    }

    static func textRange(_ value: TextRange?) -> JSONValue {
        guard let value else { return .null }
        return .object(["start": .int(Int64(value.start)), "end": .int(Int64(value.end))])
    }
}
