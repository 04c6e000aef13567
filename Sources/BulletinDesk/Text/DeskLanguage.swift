/// The languages the desk speaks. Vietnamese is the newsroom's language and the default.
public enum DeskLanguage: String, Sendable, Hashable, CaseIterable {
    /// Vietnamese.
    case vi
    /// English.
    case en

    /// The store setting that remembers the editor's choice.
    static let settingKey = "desk.language"

    /// The best language for an `Accept-Language` header (q-values honoured); `nil` when it names neither.
    static func preferred(acceptLanguage header: String) -> DeskLanguage? {
        var best: (language: DeskLanguage, quality: Double)?
        for part in header.split(separator: ",").prefix(32) {
            let pieces = part.split(separator: ";")
            guard let tag = pieces.first?.trimmingCharacters(in: .whitespaces).lowercased() else { continue }
            let primary = tag.split(separator: "-").first.map(String.init) ?? tag
            guard let language = DeskLanguage(rawValue: primary) else { continue }
            var quality = 1.0
            for parameter in pieces.dropFirst() {
                let trimmed = parameter.trimmingCharacters(in: .whitespaces)
                if trimmed.hasPrefix("q="), let value = Double(trimmed.dropFirst(2)) { quality = value }
            }
            if quality > 0, quality > (best?.quality ?? -1) { best = (language, quality) }
        }
        return best?.language
    }
}
