import BulletinCore

/// What the exporters print for an issue: its header with gaps filled, and its articles numbered.
///
/// An issue created from scratch may have an empty header. The year, weekday and release lines are then derived
/// from the date, and the title lines and subject take the newsroom's defaults, so that every printed bulletin
/// can be imported again.
struct PrintedIssue {
    /// An article with the number it has in contents order.
    struct NumberedArticle {
        /// 1-based number across the issue.
        let number: Int
        /// The article.
        let article: Article
    }

    /// A section with its numbered articles.
    struct NumberedSection {
        /// 1-based position of the section.
        let number: Int
        /// The section.
        let section: Section
        /// Its articles.
        let articles: [NumberedArticle]
    }

    let yearLine: String
    let weekday: String
    let releaseLine: String
    let titleLines: [String]
    let subject: String
    let cadence: String
    let intro: String
    let editor: String
    let sections: [NumberedSection]

    /// Prepares `issue` for printing.
    init(_ issue: Issue) {
        let date = CalendarDate.components(ofISO: issue.date)
        yearLine = Self.line(issue.yearLine) ?? date.map { "\(Vocabulary.yearPrefix) \($0.year)" } ?? ""
        weekday = Self.line(issue.weekday) ?? CalendarDate.weekdayLine(ofISO: issue.date) ?? ""
        releaseLine =
            Self.line(issue.releaseLine)
            ?? date.map { Vocabulary.releasePrefix + " " + Self.dayMonthYear($0) } ?? ""
        let titles = issue.titleLines.compactMap(Self.line)
        titleLines = titles.isEmpty ? Vocabulary.defaultTitleLines : titles
        subject = Self.line(issue.subject) ?? Vocabulary.defaultSubject
        cadence = TextShape.oneLine(issue.cadence)
        intro = TextShape.oneLine(issue.intro)
        editor = TextShape.oneLine(issue.editor)
        var number = 0
        sections = issue.sections.enumerated().map { offset, section in
            let articles = section.articles.map { article in
                number += 1
                return NumberedArticle(number: number, article: article)
            }
            return NumberedSection(number: offset + 1, section: section, articles: articles)
        }
    }

    /// The bulletin's date style: day with two digits, month without padding ("05/9/2024").
    static func dayMonthYear(_ date: (day: Int, month: Int, year: Int)) -> String {
        (date.day < 10 ? "0" : "") + "\(date.day)/\(date.month)/\(date.year)"
    }

    /// `text` on one line, or nil when empty.
    private static func line(_ text: String) -> String? {
        let single = TextShape.trimmed(TextShape.oneLine(text))
        return single.isEmpty ? nil : single
    }
}

extension Citation {
    /// The citation as printed at the end of an article: "(Baophapluat.vn 05/9, Lê Hồng)",
    /// "(Outlet 05/9, Hoài Thu – Minh Quân)", "(Outlet 05/9)".
    var printed: String {
        var text = outlet
        if !date.isEmpty { text += " " + date }
        if !authors.isEmpty { text += ", " + authors.joined(separator: " – ") }
        return "(" + TextShape.oneLine(text) + ")"
    }
}
