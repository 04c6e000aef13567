import BulletinCore

/// A new, empty issue with the masthead the newsroom prints, so that it exports and re-imports cleanly.
public enum IssueTemplate {
    /// A draft issue for `date` (`YYYY-MM-DD`): year line, weekday and release line derived from the date,
    /// the usual title lines, subject, cadence and intro, no sections.
    /// - Returns: nil when `date` is not a real `YYYY-MM-DD` date.
    public static func make(id: String, date: String, editor: String = "") -> Issue? {
        guard let parts = CalendarDate.components(ofISO: date),
            let weekday = CalendarDate.weekdayLine(ofISO: date)
        else { return nil }
        return Issue(
            id: id, date: date, weekday: weekday, yearLine: "\(Vocabulary.yearPrefix) \(parts.year)",
            releaseLine: Vocabulary.releasePrefix + " " + PrintedIssue.dayMonthYear(parts),
            titleLines: Vocabulary.defaultTitleLines, subject: Vocabulary.defaultSubject,
            cadence: Vocabulary.defaultCadence, intro: Vocabulary.defaultIntro, editor: editor)
    }
}
