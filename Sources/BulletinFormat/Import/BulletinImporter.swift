import BulletinCore
import Foundation

/// Imports a bulletin printed in the newsroom's text format (the format of `bulletin-2024-09-05.txt`).
///
/// The format, top to bottom (blank lines only separate blocks):
/// - header: "Năm 2024", "THỨ NĂM", "Phát hành: 05/9/2024", title lines ("Bản tin", "Điểm báo"), the subject in
///   capitals, the cadence in parentheses (optional), the intro (optional);
/// - the contents table: section rows and numbered article rows with page numbers (see ``ContentsParser``);
/// - the body: section headings, then per article a title line, paragraph lines, the citation closing the last
///   paragraph and the back-to-top link (see ``BodyParser``, ``CitationParser``);
/// - the editor credit "Biên tập viên Thanh Hồng".
/// Paragraphs split at page breaks are joined (see ``PageBreakJoiner``). Body headings win over the contents
/// table; each disagreement becomes a fact-check annotation (see ``ContentsReconciler``). Text is kept as written,
/// typos included.
public enum BulletinImporter {
    /// Parses a bulletin in the sample's text format. Text is normalised (NFC, \n) first.
    /// - Parameters:
    ///   - text: the whole file.
    ///   - makeID: makes the id of the issue, then of each section and article in document order, then of each
    ///     annotation; the default makes lowercase UUIDs.
    ///   - annotationAuthor: the author of the fact-check annotations the import files.
    ///   - now: their creation time (ISO 8601, UTC).
    /// - Returns: a draft issue, articles numbered 1…n in contents order.
    /// - Throws: `BulletinImportError` with the line and what was expected there.
    public static func parse(
        _ text: String, makeID: () -> String = { TimeOrderedID.make() },
        annotationAuthor: String = "import", now: String
    ) throws -> Issue {
        var normalized = TextNormalization.normalize(text)
        if normalized.hasPrefix("\u{FEFF}") {
            normalized.removeFirst()
        }
        let (lines, lastLine) = SourceLine.nonBlankLines(of: normalized)
        guard !lines.isEmpty else {
            throw BulletinImportError(
                line: 1,
                message: "the text is empty: expected a bulletin starting with "
                    + "the year line \"Năm YYYY\"")
        }
        var index = 0
        let header = try HeaderParser.parse(lines, index: &index, lastLine: lastLine)
        let contents = try ContentsParser.parse(lines, index: &index)
        let body = try BodyParser.parse(lines, from: index, lastLine: lastLine, contents: contents)
        let reconciliation = ContentsReconciler.reconcile(contents: contents, body: body)
        return assemble(
            header: header, body: body, reconciliation: reconciliation, makeID: makeID,
            annotationAuthor: annotationAuthor, now: now)
    }

    private static func assemble(
        header: BulletinHeader, body: BulletinBody,
        reconciliation: ContentsReconciliation, makeID: () -> String,
        annotationAuthor: String, now: String
    ) -> Issue {
        var issue = Issue(
            id: makeID(), date: header.date, weekday: header.weekday, yearLine: header.yearLine,
            releaseLine: header.releaseLine, titleLines: header.titleLines, subject: header.subject,
            cadence: header.cadence, intro: header.intro, editor: body.editor)
        var number = 0
        for (sectionIndex, rawSection) in body.sections.enumerated() {
            var section = Section(
                id: makeID(), title: rawSection.heading.text,
                contentsPage: reconciliation.sectionPages[sectionIndex])
            for rawArticle in rawSection.articles {
                section.articles.append(
                    Article(
                        id: makeID(), number: number + 1, title: rawArticle.titleLine.text,
                        paragraphs: PageBreakJoiner.join(rawArticle.lines),
                        source: rawArticle.citation,
                        contentsPage: reconciliation.articlePages[number]))
                number += 1
            }
            issue.sections.append(section)
        }

        var articleIndex = 0
        for sectionIndex in issue.sections.indices {
            for position in issue.sections[sectionIndex].articles.indices {
                let articleID = issue.sections[sectionIndex].articles[position].id
                for note in reconciliation.notes[articleIndex] ?? [] {
                    issue.sections[sectionIndex].articles[position].annotations.append(
                        Annotation(
                            id: makeID(), articleID: articleID, kind: .factCheck, text: note,
                            author: annotationAuthor, createdAt: now))
                }
                articleIndex += 1
            }
        }
        return issue
    }
}
