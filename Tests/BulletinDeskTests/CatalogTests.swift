import Foundation
import Testing

@testable import BulletinDesk

@Suite("The catalogs cannot drift")
struct CatalogTests {
    let vi = Catalog.builtIn(.vi)
    let en = Catalog.builtIn(.en)

    @Test("Both catalogs have the same keys")
    func sameKeys() {
        #expect(vi.keys.subtracting(en.keys).sorted() == [])
        #expect(en.keys.subtracting(vi.keys).sorted() == [])
        #expect(vi.keys.count > 100)
    }

    @Test("Plural forms follow each language: Vietnamese one form, English one and other")
    func pluralForms() {
        for (key, entry) in vi.entries {
            if case .plural(let forms) = entry {
                #expect(Set(forms.keys) == ["other"], "vi \(key)")
                guard case .plural(let english) = en.entries[key] else {
                    Issue.record("en \(key) is not plural")
                    continue
                }
                #expect(Set(english.keys) == ["one", "other"], "en \(key)")
            }
        }
        #expect(en.plural("status.pending", count: 1) == "1 change waiting to sync")
        #expect(en.plural("status.pending", count: 5700) == "5,700 changes waiting to sync")
        #expect(vi.plural("status.pending", count: 5700) == "5.700 thay đổi chờ đồng bộ")
    }

    @Test("Placeholders are named and the same in both languages")
    func placeholders() {
        for key in vi.keys {
            #expect(names(vi.entries[key]) == names(en.entries[key]), "\(key)")
        }
    }

    @Test("The Vietnamese is NFC and written with diacritics")
    func vietnameseText() {
        var marked = 0
        for (key, entry) in vi.entries {
            for text in texts(entry) {
                #expect(text == text.precomposedStringWithCanonicalMapping, "\(key) is not NFC")
                if text.unicodeScalars.contains(where: { $0.value > 0x7F }) { marked += 1 }
            }
        }
        #expect(marked > vi.keys.count / 2)
        #expect(vi.text("action.publish") == "Phát hành")
        #expect(vi.text("nav.conflicts") == "Xung đột")
        #expect(vi.text("nav.search") == "Tìm kiếm")
        #expect(vi.text("nav.history") == "Lịch sử")
    }

    @Test("Every key is used by the desk's code")
    func everyKeyUsed() throws {
        let sources = try desksSources()
        let unused = vi.keys.filter { !sources.contains("\"\($0)\"") }
        #expect(unused.sorted() == [])
    }

    @Test("Every key the code names exists")
    func everyNamedKeyExists() throws {
        let sources = try desksSources()
        let pattern = try NSRegularExpression(pattern: "(?:\\.t|\\.n|text|plural)\\(\"([a-z_0-9.]+)\"")
        let range = NSRange(sources.startIndex..., in: sources)
        var missing: [String] = []
        for match in pattern.matches(in: sources, range: range) {
            if let keyRange = Range(match.range(at: 1), in: sources), !vi.keys.contains(String(sources[keyRange])) {
                missing.append(String(sources[keyRange]))
            }
        }
        #expect(missing == [])
    }

    private func names(_ entry: Catalog.Entry?) -> Set<String> {
        guard let entry else { return [] }
        var result = Set<String>()
        for text in texts(entry) {
            var rest = Substring(text)
            while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
                result.insert(String(rest[rest.index(after: open)..<close]))
                rest = rest[rest.index(after: close)...]
            }
        }
        return result
    }

    private func texts(_ entry: Catalog.Entry) -> [String] {
        switch entry {
        case .text(let text): [text]
        case .plural(let forms): forms.values.sorted()
        }
    }

    private func desksSources(file: String = #filePath) throws -> String {
        let root = URL(fileURLWithPath: file).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/BulletinDesk")
        var text = ""
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            if url.pathExtension == "swift" || url.pathExtension == "js" {
                text += try String(contentsOf: url, encoding: .utf8)
            }
        }
        return text
    }
}
