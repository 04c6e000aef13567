import BulletinCore

/// Writes the newsroom's printed layout, as in `bulletin-2024-09-05.txt`: header, contents table, sections,
/// articles with their citations and back-to-top links, the final "[Về đầu trang./.](#)" and the editor credit.
///
/// Importing the output gives back the same issue except ids and annotations: annotations, ids, the publication
/// name and the publication state are not part of the printed format. Paragraphs are printed on one line each
/// (line breaks inside a paragraph become spaces). The contents table always shows the body's titles, dot
/// leaders after article titles, and the pages recorded on import (empty when unknown).
enum BulletinTextWriter {
    /// The bulletin text of `issue`, ending with a newline.
    static func write(_ issue: Issue) -> String {
        let printed = PrintedIssue(issue)
        var blocks: [String] = []
        blocks += [printed.yearLine, printed.weekday, printed.releaseLine] + printed.titleLines
        // The sample leaves three blank lines before the subject instead of one.
        blocks += ["\n\n" + printed.subject]
        if !printed.cadence.isEmpty { blocks.append(printed.cadence) }
        if !printed.intro.isEmpty { blocks.append(printed.intro) }
        blocks.append(contentsTable(printed))

        let lastNumber = printed.sections.last { !$0.articles.isEmpty }?.articles.last?.number
        for numbered in printed.sections {
            blocks.append(TextShape.oneLine(numbered.section.title))
            for entry in numbered.articles {
                let link = entry.number == lastNumber ? Vocabulary.finalBackToTop : Vocabulary.backToTop
                blocks += articleBlocks(entry.article, link: link)
            }
        }
        if !printed.editor.isEmpty {
            blocks.append(Vocabulary.editorCredit + " " + printed.editor)
        }
        // Two blank lines open the sample; every block is followed by a blank line.
        return "\n\n" + blocks.joined(separator: "\n\n") + "\n"
    }

    /// The contents table: a header, then one row per section and per numbered article.
    private static func contentsTable(_ printed: PrintedIssue) -> String {
        var rows = Vocabulary.contentsTableHead
        for numbered in printed.sections {
            rows.append(row(numbered.section.title, page: numbered.section.contentsPage))
            for entry in numbered.articles {
                rows.append(
                    row(
                        "\(entry.number). \(entry.article.title)\(Vocabulary.dotLeader)",
                        page: entry.article.contentsPage))
            }
        }
        return rows.joined(separator: "\n")
    }

    private static func row(_ title: String, page: Int?) -> String {
        var cell = ""
        for character in TextShape.oneLine(title) {
            if character == "|" { cell.append("\\") }
            cell.append(character)
        }
        return "| \(cell) | \(page.map(String.init) ?? "") |"
    }

    /// Title, paragraphs, and the last paragraph closed by the citation and `link`.
    private static func articleBlocks(_ article: Article, link: String) -> [String] {
        var blocks = [TextShape.oneLine(article.title)]
        var paragraphs = article.paragraphs.map(TextShape.oneLine).filter { !$0.isEmpty }
        let closing = [paragraphs.popLast(), article.source?.printed].compactMap { $0 } + [link]
        blocks += paragraphs
        blocks.append(closing.joined(separator: " "))
        return blocks
    }
}
