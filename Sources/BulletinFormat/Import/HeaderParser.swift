/// Reads the masthead, in the order the bulletin prints it: year line, weekday, release line, title lines,
/// subject (capitals), cadence (in parentheses, optional) and the intro (optional), up to the contents table.
enum HeaderParser {
    /// Parses the header from `lines[index...]` and leaves `index` on the first contents row.
    /// - Throws: `BulletinImportError` naming the missing or malformed header line.
    static func parse(_ lines: [SourceLine], index: inout Int, lastLine: Int) throws -> BulletinHeader {
        let year = try take(lines, &index, lastLine: lastLine, expected: "the year line \"Năm YYYY\"") {
            $0.wholeMatch(of: /Năm\s+\d{4}/.ignoresCase()) != nil
        }
        let weekday = try take(lines, &index, lastLine: lastLine, expected: "the weekday line, e.g. \"THỨ NĂM\"") {
            isWeekday($0)
        }
        let release = try take(
            lines, &index, lastLine: lastLine,
            expected: "the release line \"Phát hành: D/M/YYYY\""
        ) { releaseDate(in: $0) != nil }
        guard let parsedDate = releaseDate(in: release.text),
            let date = CalendarDate.iso(day: parsedDate.day, month: parsedDate.month, year: parsedDate.year)
        else {
            throw BulletinImportError(
                line: release.number,
                message: "the release line \(BulletinImportError.quote(release.text)) "
                    + "names no real date")
        }

        let start = index
        while index < lines.count, !ContentsParser.isContentsRow(lines[index].text) {
            index += 1
        }
        guard index < lines.count else {
            throw BulletinImportError(
                line: lastLine,
                message: "expected the contents table (rows starting with \"|\") "
                    + "after the header, found the end of the text")
        }
        let masthead = Array(lines[start..<index])
        let rest = try splitMasthead(masthead, contentsLine: lines[index].number)
        return BulletinHeader(
            yearLine: year.text, weekday: weekday.text, releaseLine: release.text, date: date,
            titleLines: rest.titleLines, subject: rest.subject, cadence: rest.cadence,
            intro: rest.intro)
    }

    /// Splits the lines between the release line and the contents into title lines, subject, cadence and intro.
    private static func splitMasthead(
        _ lines: [SourceLine], contentsLine: Int
    ) throws -> (titleLines: [String], subject: String, cadence: String, intro: String) {
        let cadenceIndex = lines.firstIndex { $0.text.hasPrefix("(") && $0.text.hasSuffix(")") }
        let subjectRegion = lines[..<(cadenceIndex ?? lines.count)]
        guard let subjectIndex = subjectRegion.lastIndex(where: { TextShape.isCapitals($0.text) }) else {
            throw BulletinImportError(
                line: lines.first?.number ?? contentsLine,
                message: "expected the subject line in capitals "
                    + "(e.g. \"CẢI CÁCH HÀNH CHÍNH\") after the release line")
        }
        let titleLines = lines[..<subjectIndex].map(\.text)
        var introStart = subjectIndex + 1
        var cadence = ""
        if let cadenceIndex {
            if cadenceIndex > subjectIndex + 1 {
                let stray = lines[subjectIndex + 1]
                throw BulletinImportError(
                    line: stray.number,
                    message: "expected the cadence line in parentheses after the subject, "
                        + "found \(BulletinImportError.quote(stray.text))")
            }
            cadence = lines[cadenceIndex].text
            introStart = cadenceIndex + 1
        }
        let intro = lines[introStart...].map(\.text).joined(separator: " ")
        return (titleLines, lines[subjectIndex].text, cadence, intro)
    }

    /// Takes the line at `index` if `accepts` it, else throws saying what was `expected`.
    private static func take(
        _ lines: [SourceLine], _ index: inout Int, lastLine: Int, expected: String,
        accepts: (String) -> Bool
    ) throws -> SourceLine {
        guard index < lines.count else {
            throw BulletinImportError(line: lastLine, message: "expected \(expected), found the end of the text")
        }
        let line = lines[index]
        guard accepts(line.text) else {
            throw BulletinImportError(
                line: line.number,
                message: "expected \(expected), found \(BulletinImportError.quote(line.text))"
                    + (index == 0 ? " (is this a bulletin?)" : ""))
        }
        index += 1
        return line
    }

    /// Whether `text` names a day of the week the way the masthead prints it ("THỨ NĂM", "CHỦ NHẬT", "THỨ 5").
    static func isWeekday(_ text: String) -> Bool {
        let folded = TextShape.collapsingWhitespace(text).uppercased()
        return Vocabulary.weekdays.contains(folded) || folded.wholeMatch(of: /THỨ [2-7]/) != nil
    }

    /// The day, month and year of a release line such as "Phát hành: 05/9/2024".
    static func releaseDate(in text: String) -> (day: Int, month: Int, year: Int)? {
        guard
            let match = text.wholeMatch(
                of: /Phát hành\s*:?\s*(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})/
                    .ignoresCase()),
            let day = Int(match.1), let month = Int(match.2), let year = Int(match.3)
        else { return nil }
        return (day, month, year)
    }
}
