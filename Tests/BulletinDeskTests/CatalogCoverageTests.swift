import BulletinCore
import BulletinFormat
import Foundation
import HummingbirdTesting
import Testing

@testable import BulletinDesk

@Suite("Every word of the desk's pages comes from the catalog")
struct CatalogCoverageTests {
    /// A catalog whose every message is its key between ⟦ ⟧.
    static func markerCatalog() -> Catalog {
        let base = Catalog.builtIn(.en)
        var entries: [String: Catalog.Entry] = [:]
        for (key, entry) in base.entries {
            switch entry {
            case .text: entries[key] = .text("⟦\(key)⟧")
            case .plural: entries[key] = .plural(["one": "⟦\(key)⟧", "other": "⟦\(key)⟧"])
            }
        }
        return Catalog(language: .en, entries: entries)
    }

    @Test("Rendered pages hold no user-facing text that is neither a catalog message nor content")
    func noStrayText() async throws {
        let fixture = try DeskFixture(role: .chief, catalog: Self.markerCatalog())
        let issue = try fixture.store.issue(fixture.issueID)
        let article = issue.articles[0]
        try fixture.store.annotate(article.id, text: "Kiểm tra lại", kind: .factCheck, paragraph: 0)
        var content: Set<String> = [
            issue.publication, issue.weekday, issue.yearLine, issue.releaseLine, issue.subject,
            issue.cadence, issue.intro, issue.editor, "Thanh Hồng", "Kiểm tra lại",
        ]
        content.formUnion(issue.titleLines)
        for section in issue.sections {
            content.insert(section.title)
            for article in section.articles {
                content.insert(article.title)
                for note in article.annotations {
                    content.insert(note.text)
                    content.insert(note.author)
                }
                content.formUnion(article.paragraphs)
                content.insert(ParagraphText.join(article.paragraphs))
                if let source = article.source {
                    content.insert(CitationText.format(source))
                    content.insert(source.outlet)
                    content.insert(source.date)
                    content.insert(source.authors.joined(separator: ", "))
                }
            }
        }
        let pages = [
            "/", "/issues/\(fixture.issueID)", "/issues/\(fixture.issueID)?edit=\(article.id)", "/conflicts",
            "/search", "/search?q=hanoi", "/history", "/issues/\(fixture.issueID)/history",
            "/issues/\(fixture.issueID)/print", "/issues/00000000-0000-0000-0000-000000000000",
        ]
        let known = content
        let found = try await fixture.run { client in
            var stray: [String] = []
            for path in pages {
                let html = try await client.get(path).text
                for text in Self.userTexts(html) where !Self.accounted(text, content: known) {
                    stray.append("\(path): \(text)")
                }
            }
            return stray
        }
        #expect(found == [])
    }

    /// Whether a text is made only of markers, content, numbers, symbols and punctuation.
    static func accounted(_ text: String, content: Set<String>) -> Bool {
        var rest = text.replacingOccurrences(of: "⟦[a-z_0-9.]+⟧", with: " ", options: .regularExpression)
        rest = rest.trimmingCharacters(in: .whitespacesAndNewlines)
        if rest.isEmpty || content.contains(rest) { return true }
        for piece in content.sorted(by: { $0.count > $1.count }) where !piece.isEmpty {
            rest = rest.replacingOccurrences(of: piece, with: " ")
        }
        return !rest.unicodeScalars.contains { CharacterSet.letters.contains($0) }
    }

    /// The texts a person reads: text nodes outside script and style, and the attributes read aloud or shown.
    static func userTexts(_ html: String) -> [String] {
        var texts: [String] = []
        let tag = try! NSRegularExpression(pattern: "<[^>]*>")
        let attribute = try! NSRegularExpression(
            pattern: "\\s(?:title|aria-label|placeholder|alt|data-msg-[a-z-]+)=\"([^\"]*)\"")
        let range = NSRange(html.startIndex..., in: html)
        var last = html.startIndex
        for match in tag.matches(in: html, range: range) {
            guard let matchRange = Range(match.range, in: html) else { continue }
            texts.append(unescape(String(html[last..<matchRange.lowerBound])))
            let element = String(html[matchRange])
            let elementRange = NSRange(element.startIndex..., in: element)
            for found in attribute.matches(in: element, range: elementRange) {
                if let value = Range(found.range(at: 1), in: element) { texts.append(unescape(String(element[value]))) }
            }
            last = matchRange.upperBound
        }
        texts.append(unescape(String(html[last...])))
        return texts.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
            .filter { $0 != "html" }
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    @Test("The Vietnamese pages show no English interface word")
    func noEnglishInVietnamese() async throws {
        let fixture = try DeskFixture(role: .chief)
        let article = try fixture.store.issue(fixture.issueID).articles[0]
        let words = [
            "Save", "Publish", "Conflict", "Search", "History", "Cancel", "Edit", "Issues", "Delete",
            "Remove", "Approve", "Online", "Offline", "Pending", "Draft",
        ]
        let found = try await fixture.run { client in
            var hits: [String] = []
            for path in [
                "/", "/issues/\(fixture.issueID)?edit=\(article.id)", "/conflicts", "/search?q=hanoi",
                "/history",
            ] {
                let texts = Self.userTexts(try await client.get(path).text).joined(separator: "\n")
                for word in words where texts.range(of: "\\b\(word)\\b", options: .regularExpression) != nil {
                    hits.append("\(path): \(word)")
                }
            }
            return hits
        }
        #expect(found == [])
    }
}
