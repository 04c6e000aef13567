import Foundation
import SyncProtocol

/// A validator of the JSON Schema (2020-12) keywords `contract.json` uses, and no others: `$ref` (local
/// `#/$defs/…`), `type`, `enum`, `const`, `pattern`, `minimum`, `required`, `properties`, `additionalProperties`,
/// `propertyNames`, `items`, `minProperties`, `maxProperties`, `allOf`, `anyOf`, `if`/`then`. Annotations
/// (`description`, `format`, `$comment`, `x-…`) are ignored, as the specification asks. A keyword it does not know
/// makes it fail loudly, so the schema cannot grow past what is checked here.
struct SchemaSubset {
    let root: [String: JSONValue]

    static let annotations: Set<String> = [
        "$schema", "title", "description", "format", "$comment", "$defs", "x-references", "x-client-writable",
    ]

    /// The problems of `instance` under the root schema; empty when it is valid.
    func problems(_ instance: JSONValue) -> [String] {
        var found: [String] = []
        check(instance, against: .object(root), at: "$", into: &found)
        return found
    }

    private func resolve(_ reference: String) -> JSONValue? {
        guard reference.hasPrefix("#/$defs/"), case .object(let defs)? = root["$defs"] else { return nil }
        return defs[String(reference.dropFirst("#/$defs/".count))]
    }

    private func check(_ instance: JSONValue, against schema: JSONValue, at path: String, into found: inout [String]) {
        guard case .object(let keywords) = schema else {
            if schema == .bool(false) { found.append("\(path): no value allowed") }
            return
        }
        for (keyword, value) in keywords.sorted(by: { $0.key < $1.key }) {
            switch keyword {
            case "$ref":
                guard let target = value.stringValue.flatMap(resolve) else {
                    found.append("\(path): unresolvable $ref \(value)")
                    continue
                }
                check(instance, against: target, at: path, into: &found)
            case "type":
                let allowed = value.arrayValue?.compactMap(\.stringValue) ?? [value.stringValue ?? ""]
                if !allowed.contains(where: { Self.hasType(instance, $0) }) {
                    found.append("\(path): not of type \(allowed)")
                }
            case "enum":
                if !(value.arrayValue ?? []).contains(instance) { found.append("\(path): not one of \(value)") }
            case "const":
                if instance != value { found.append("\(path): not \(value)") }
            case "pattern":
                guard let text = instance.stringValue, let pattern = value.stringValue else { continue }
                let regex = try? NSRegularExpression(pattern: pattern)
                let range = NSRange(text.startIndex..., in: text)
                if regex?.firstMatch(in: text, range: range) == nil {
                    found.append("\(path): does not match \(pattern)")
                }
            case "minimum":
                if let number = instance.doubleValue, let minimum = value.doubleValue, number < minimum {
                    found.append("\(path): below \(minimum)")
                }
            case "required":
                guard let members = instance.objectValue else { continue }
                for name in value.arrayValue?.compactMap(\.stringValue) ?? [] where members[name] == nil {
                    found.append("\(path): lacks \(name)")
                }
            case "properties":
                guard let members = instance.objectValue, let schemas = value.objectValue else { continue }
                for (name, member) in members {
                    guard let schema = schemas[name] else { continue }
                    check(member, against: schema, at: "\(path).\(name)", into: &found)
                }
            case "additionalProperties":
                guard let members = instance.objectValue else { continue }
                let declared = keywords["properties"]?.objectValue ?? [:]
                for (name, member) in members where declared[name] == nil {
                    check(member, against: value, at: "\(path).\(name)", into: &found)
                }
            case "propertyNames":
                for name in instance.objectValue?.keys.sorted() ?? [] {
                    check(.string(name), against: value, at: "\(path) name \(name)", into: &found)
                }
            case "items":
                for (index, item) in (instance.arrayValue ?? []).enumerated() {
                    check(item, against: value, at: "\(path)[\(index)]", into: &found)
                }
            case "minProperties":
                if let members = instance.objectValue, let least = value.intValue, members.count < least {
                    found.append("\(path): fewer than \(least) members")
                }
            case "maxProperties":
                if let members = instance.objectValue, let most = value.intValue, members.count > most {
                    found.append("\(path): more than \(most) members")
                }
            case "allOf":
                for part in value.arrayValue ?? [] { check(instance, against: part, at: path, into: &found) }
            case "anyOf":
                let fits = (value.arrayValue ?? []).contains { part in
                    var inner: [String] = []
                    check(instance, against: part, at: path, into: &inner)
                    return inner.isEmpty
                }
                if !fits { found.append("\(path): fits none of anyOf") }
            case "if":
                var inner: [String] = []
                check(instance, against: value, at: path, into: &inner)
                if inner.isEmpty, let then = keywords["then"] { check(instance, against: then, at: path, into: &found) }
            case "then":
                continue
            default:
                if !Self.annotations.contains(keyword) { found.append("\(path): schema keyword \(keyword) unknown") }
            }
        }
    }

    private static func hasType(_ instance: JSONValue, _ type: String) -> Bool {
        switch (type, instance) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object),
            ("number", .int), ("number", .double), ("integer", .int):
            true
        case ("integer", .double(let value)):
            value.rounded() == value
        default:
            false
        }
    }
}
