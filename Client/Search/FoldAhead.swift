import BulletinCore
import SyncProtocol

/// The search index's folded text of an article, made from a change record's own values.
struct FoldedArticle: Sendable {
    /// The folded `title`, when the record carries one.
    var title: String?
    /// The folded body (`paragraphs` joined by newlines), when the record carries them.
    var body: String?
}

/// Folds the article texts of a pulled page on a second thread while the store writes the page, so that the
/// writer finds them ready: folding is about a tenth of an initial pull's client CPU, and the writer is the pull's
/// critical path (BENCHMARKS.md, "Issue 14: the initial pull"). Records are folded in chunks of 64, in page order
/// (``WorkAhead``); the writer asks for them in the same order.
struct FoldAhead: Sendable {
    /// Pages with fewer article records are folded inline (a live edit, say): a thread hop costs more.
    static let minimumArticles = 16

    private let work: WorkAhead<FoldedArticle?>

    /// Starts folding the article records of `changes`; `nil` when the page has too few to be worth it.
    static func start(_ changes: [ChangeRecord]) -> FoldAhead? {
        guard changes.lazy.filter({ $0.entity == .article }).count >= minimumArticles else { return nil }
        return FoldAhead(
            work: WorkAhead(count: changes.count, chunkSize: 64) { folded(changes[$0]) })
    }

    /// The folded texts of the record at `index` of the page (`nil` for a record that is not an article's).
    func article(at index: Int) -> FoldedArticle? {
        work.value(at: index)
    }

    private static let titleField = ArticleRecord.Columns.title.stringValue
    private static let paragraphsField = ArticleRecord.Columns.paragraphs.stringValue

    /// What ``SearchIndex`` would fold for an article row holding the record's values (values of the wrong type
    /// are left to the store, which refuses the record).
    private static func folded(_ change: ChangeRecord) -> FoldedArticle? {
        // A delete keeps the row's text whatever the record carries.
        guard change.entity == .article, change.op != .delete else { return nil }
        let title = change.fields[titleField]?.stringValue.map(DiacriticFolding.fold)
        var body: String?
        if let items = change.fields[paragraphsField]?.arrayValue {
            let paragraphs = items.compactMap(\.stringValue)
            if paragraphs.count == items.count {
                body = DiacriticFolding.fold(paragraphs.joined(separator: "\n"))
            }
        }
        return FoldedArticle(title: title, body: body)
    }
}
