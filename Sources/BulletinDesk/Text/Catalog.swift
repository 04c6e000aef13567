import Foundation

/// One language's messages: flat keys (`action.publish`), named placeholders (`{count}`), and plural forms by
/// that language's rules (Vietnamese has one form, English `one`/`other`).
public struct Catalog: Sendable {
    /// One message: a plain text, or plural forms.
    enum Entry: Sendable, Decodable, Equatable {
        case text(String)
        case plural([String: String])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) {
                self = .text(text)
            } else {
                self = .plural(try container.decode([String: String].self))
            }
        }
    }

    /// The language this catalog is written in.
    public let language: DeskLanguage
    let entries: [String: Entry]

    init(language: DeskLanguage, entries: [String: Entry]) {
        self.language = language
        self.entries = entries
    }

    /// The catalog compiled into the binary for `language`.
    public static func builtIn(_ language: DeskLanguage) -> Catalog {
        switch language {
        case .vi: vietnamese
        case .en: english
        }
    }

    private static let vietnamese = load(.vi, PackageResources.vi_json)
    private static let english = load(.en, PackageResources.en_json)

    static func load(_ language: DeskLanguage, _ bytes: [UInt8]) -> Catalog {
        do {
            return Catalog(
                language: language,
                entries: try JSONDecoder().decode(
                    [String: Entry].self,
                    from: Data(bytes)))
        } catch {
            // The catalogs are part of the binary and checked by tests: a broken one is a build defect.
            fatalError("the \(language.rawValue) catalog is not valid: \(error)")
        }
    }

    /// The message for `key` with `{name}` placeholders filled in.
    public func text(_ key: String, _ values: [String: String] = [:]) -> String {
        switch entries[key] {
        case .text(let text): return Self.fill(text, values)
        case .plural(let forms): return Self.fill(forms["other"] ?? key, values)
        case nil: return key
        }
    }

    /// The plural form of `key` for `count` (filled into `{count}`, formatted as the language writes numbers).
    public func plural(_ key: String, count: Int, _ values: [String: String] = [:]) -> String {
        var all = values
        all["count"] = NumberText.format(count, language)
        switch entries[key] {
        case .plural(let forms):
            let form = Self.pluralForm(count, language)
            return Self.fill(forms[form] ?? forms["other"] ?? key, all)
        case .text(let text): return Self.fill(text, all)
        case nil: return key
        }
    }

    /// The CLDR plural category used for `count`.
    static func pluralForm(_ count: Int, _ language: DeskLanguage) -> String {
        switch language {
        case .vi: "other"
        case .en: count == 1 ? "one" : "other"
        }
    }

    /// Every key of this catalog.
    var keys: Set<String> { Set(entries.keys) }

    private static func fill(_ template: String, _ values: [String: String]) -> String {
        guard template.contains("{") else { return template }
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = String(rest[rest.index(after: open)..<close])
            result += values[name] ?? "{\(name)}"
            rest = rest[rest.index(after: close)...]
        }
        result += rest
        return result
    }
}
