import BulletinCore

/// Writes clean CommonMark: the masthead as a heading and a few lines, a numbered contents list linking to the
/// articles, `##` sections, `###` numbered article titles, citations in italics closing the last paragraph,
/// and back-to-top links. Anchors are explicit (`<a id="article-N"></a>`) because renderers derive heading ids
/// from Vietnamese text differently. Text is escaped so it prints literally.
enum MarkdownWriter {
    /// The Markdown for `issue`, ending with a newline.
    static func write(_ issue: Issue) -> String {
        let printed = PrintedIssue(issue)
        var blocks: [String] = [
            "<a id=\"top\"></a>",
            "# " + escape((printed.titleLines + ["—", printed.subject]).joined(separator: " ")),
            "**" + escape([printed.yearLine, printed.weekday, printed.releaseLine].joined(separator: " · ")) + "**",
        ]
        if !printed.cadence.isEmpty { blocks.append("*" + escape(printed.cadence) + "*") }
        if !printed.intro.isEmpty { blocks.append(escape(printed.intro)) }

        blocks.append("## Mục lục")
        for numbered in printed.sections {
            blocks.append(
                "**[\(escape(numbered.section.title))](#section-\(numbered.number))**"
                    + pageSuffix(numbered.section.contentsPage))
            let items = numbered.articles.map { entry in
                "\(entry.number). [\(escape(entry.article.title))](#article-\(entry.number))"
                    + pageSuffix(entry.article.contentsPage)
            }
            if !items.isEmpty { blocks.append(items.joined(separator: "\n")) }
        }

        for numbered in printed.sections {
            blocks.append("<a id=\"section-\(numbered.number)\"></a>\n\n## " + escape(numbered.section.title))
            for entry in numbered.articles {
                blocks += article(entry)
            }
        }
        if !printed.editor.isEmpty {
            blocks.append("---")
            blocks.append(escape(Vocabulary.editorCredit) + " **" + escape(printed.editor) + "**")
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    private static func article(_ entry: PrintedIssue.NumberedArticle) -> [String] {
        let article = entry.article
        var blocks = ["<a id=\"article-\(entry.number)\"></a>\n\n### \(entry.number). " + escape(article.title)]
        var paragraphs = article.paragraphs.map(TextShape.oneLine).filter { !$0.isEmpty }.map(escape)
        if let source = article.source {
            let cite = "*" + escape(source.printed) + "*"
            paragraphs.append(paragraphs.popLast().map { $0 + " " + cite } ?? cite)
        }
        blocks += paragraphs
        blocks.append("[\(escape(Vocabulary.backToTopLabel))](#top)")
        return blocks
    }

    private static func pageSuffix(_ page: Int?) -> String {
        page.map { " — trang \($0)" } ?? ""
    }

    /// `text` (one line) with Markdown syntax characters backslash-escaped, so it renders as written.
    static func escape(_ text: String) -> String {
        let inline: [UInt8] = Array("\\`*_[]<>&|~".utf8)
        let line = TextShape.oneLine(text)
        var escaped = ""
        if line.utf8.contains(where: inline.contains) {
            for character in line {
                if let ascii = character.asciiValue, inline.contains(ascii) { escaped.append("\\") }
                escaped.append(character)
            }
        } else {
            escaped = line
        }
        // Characters that only matter at the start of a block: headings, quotes, lists, rules.
        if let first = escaped.first, "#+-=".contains(first) {
            escaped.insert("\\", at: escaped.startIndex)
        } else {
            // "1. " or "1) " would start an ordered list.
            let digits = escaped.prefix { $0.isASCIIDigit }
            let rest = escaped[digits.endIndex...]
            if (1...9).contains(digits.count), let mark = rest.first, mark == "." || mark == ")",
                rest.dropFirst().first?.isWhitespace ?? true
            {
                escaped.insert("\\", at: digits.endIndex)
            }
        }
        return escaped
    }
}
