import BulletinCore

/// An article as read from the body, before page-break joining and contents reconciliation.
struct RawArticle: Sendable, Hashable {
    /// The title line.
    var titleLine: SourceLine
    /// Paragraph lines in order, the citation removed from the last one.
    var lines: [String]
    /// The citation closing the last paragraph.
    var citation: Citation?
}

/// A section as read from the body.
struct RawSection: Sendable, Hashable {
    /// The heading line.
    var heading: SourceLine
    /// Its articles in order.
    var articles: [RawArticle]
}

/// Everything after the contents table.
struct BulletinBody: Sendable, Hashable {
    /// Sections in order; never empty.
    var sections: [RawSection]
    /// The editor's name from the closing credit, or empty when there is none.
    var editor: String
}

/// Reads sections and articles. An article is a title line, then paragraph lines up to and including the line
/// with the back-to-top link; the citation closes the last paragraph. Between articles, a line is a section
/// heading when the contents table lists it as a section, or when it is in capitals and the contents table
/// does not list it as an article. The editor credit is the last line of the text.
enum BodyParser {
    /// Parses `lines[index...]`.
    /// - Throws: `BulletinImportError` when there is no section, an article has no title or no back-to-top
    ///   link, or text follows a back-to-top link on its line.
    static func parse(
        _ lines: [SourceLine], from index: Int, lastLine: Int,
        contents: [ContentsEntry]
    ) throws -> BulletinBody {
        var end = lines.count
        var editor = ""
        if end > index, let name = editorName(in: lines[end - 1].text) {
            editor = name
            end -= 1
        }
        let sectionTitles = Set(contents.filter(\.isSection).map { TextShape.titleKey($0.title) })
        let articleTitles = Set(contents.filter { !$0.isSection }.map { TextShape.titleKey($0.title) })

        var sections: [RawSection] = []
        var open: RawArticle?
        for line in lines[index..<end] {
            if let article = open {
                if let link = BackToTopLink.find(in: line.text) {
                    try close(article, with: link, on: line, into: &sections)
                    open = nil
                } else {
                    open?.lines.append(line.text)
                }
                continue
            }
            let key = TextShape.titleKey(line.text)
            let isListedArticle = articleTitles.contains(key)
            if sectionTitles.contains(key)
                || (!isListedArticle && TextShape.isCapitals(line.text)
                    && BackToTopLink.find(in: line.text) == nil)
            {
                sections.append(RawSection(heading: line, articles: []))
                continue
            }
            guard let section = sections.last else {
                throw BulletinImportError(
                    line: line.number,
                    message: "expected a section heading in capitals (e.g. \"CHỦ TRƯỞNG "
                        + "CẢI CÁCH\") after the contents table, found "
                        + BulletinImportError.quote(line.text))
            }
            if BackToTopLink.find(in: line.text) != nil || (!isListedArticle && looksLikeParagraph(line.text)) {
                throw BulletinImportError(
                    line: line.number,
                    message: "article without a title in section "
                        + "\(BulletinImportError.quote(section.heading.text)): expected a "
                        + "title line, found the paragraph "
                        + BulletinImportError.quote(line.text))
            }
            open = RawArticle(titleLine: line, lines: [], citation: nil)
        }

        if let article = open {
            throw BulletinImportError(
                line: article.titleLine.number,
                message: "article \(BulletinImportError.quote(article.titleLine.text)) "
                    + "never ends: expected \"\(Vocabulary.backToTop)\" after its last "
                    + "paragraph")
        }
        guard !sections.isEmpty else {
            throw BulletinImportError(
                line: index < end ? lines[index].number : lastLine,
                message: "no sections: expected a section heading in capitals after the "
                    + "contents table")
        }
        return BulletinBody(sections: sections, editor: editor)
    }

    /// Ends `article` at the line holding its back-to-top link and adds it to the last section.
    private static func close(
        _ article: RawArticle, with link: Range<String.Index>, on line: SourceLine,
        into sections: inout [RawSection]
    ) throws {
        var article = article
        let before = TextShape.trimmed(line.text[..<link.lowerBound])
        let after = TextShape.trimmed(line.text[link.upperBound...])
        guard after.isEmpty || after == "./." else {
            throw BulletinImportError(
                line: line.number,
                message: "expected nothing after the back-to-top link, found "
                    + BulletinImportError.quote(after))
        }
        if !before.isEmpty {
            article.lines.append(before)
        }
        // The citation closes the last paragraph, whether it shares the link's line or sits on the line before.
        if let last = article.lines.last, let split = CitationParser.split(last) {
            article.citation = split.citation
            article.lines.removeLast()
            if !split.body.isEmpty {
                article.lines.append(split.body)
            }
        }
        sections[sections.count - 1].articles.append(article)
    }

    /// The name in a closing credit such as "Biên tập viên Thanh Hồng".
    static func editorName(in text: String) -> String? {
        guard let match = text.wholeMatch(of: /Biên\s+tập\s+viên\s*:?\s*(.*)/.ignoresCase()) else { return nil }
        return String(match.1)
    }

    /// Whether a line in a title's place reads like a paragraph (a missing title): very long, or long and
    /// ending with a sentence's full stop. Titles in the bulletin are short and carry no final full stop.
    static func looksLikeParagraph(_ text: String) -> Bool {
        let length = text.count
        return length > 500 || (length > 150 && text.hasSuffix(".") && !text.hasSuffix(".."))
    }
}
