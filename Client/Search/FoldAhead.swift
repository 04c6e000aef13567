import BulletinCore
import Dispatch
import SyncProtocol
import Synchronization

/// The search index's folded text of an article, made from a change record's own values.
struct FoldedArticle: Sendable {
    /// The folded `title`, when the record carries one.
    var title: String?
    /// The folded body (`paragraphs` joined by newlines), when the record carries them.
    var body: String?
}

/// Folds the article texts of a pulled page on a second thread while the store writes the page, so that the
/// writer finds them ready: folding is about a tenth of an initial pull's client CPU, and the writer is the pull's
/// critical path (BENCHMARKS.md, "Issue 14: the initial pull").
///
/// Records are folded in chunks, in page order, by a helper on Dispatch's global pool; the writer asks for them in
/// the same order. A chunk the helper has not started yet the writer folds itself, so it never waits on a helper
/// that a busy pool has not scheduled.
final class FoldAhead: Sendable {
    private enum Chunk {
        case waiting
        case folding(DispatchSemaphore)
        case done
    }

    private struct State {
        var chunks: [Chunk]
        var folded: [FoldedArticle?]
    }

    /// Pages with fewer article records are folded inline (a live edit, say): a thread hop costs more.
    static let minimumArticles = 16
    private static let chunkSize = 64

    private let changes: [ChangeRecord]
    private let state: Mutex<State>

    /// Starts folding the article records of `changes`; `nil` when the page has too few to be worth it.
    static func start(_ changes: [ChangeRecord]) -> FoldAhead? {
        guard changes.lazy.filter({ $0.entity == .article }).count >= minimumArticles else { return nil }
        let ahead = FoldAhead(changes)
        DispatchQueue.global(qos: .userInitiated).async { ahead.foldAll() }
        return ahead
    }

    private init(_ changes: [ChangeRecord]) {
        self.changes = changes
        let chunks = (changes.count + Self.chunkSize - 1) / Self.chunkSize
        state = Mutex(
            State(
                chunks: Array(repeating: .waiting, count: chunks),
                folded: Array(repeating: nil, count: changes.count)))
    }

    /// The folded texts of the record at `index` of the page (`nil` for a record that is not an article's).
    func article(at index: Int) -> FoldedArticle? {
        let chunk = index / Self.chunkSize
        enum Next {
            case ready(FoldedArticle?)
            case wait(DispatchSemaphore)
            case foldHere
        }
        let next = state.withLock { state -> Next in
            switch state.chunks[chunk] {
            case .done: return .ready(state.folded[index])
            case .folding(let semaphore): return .wait(semaphore)
            case .waiting:
                state.chunks[chunk] = .folding(DispatchSemaphore(value: 0))
                return .foldHere
            }
        }
        switch next {
        case .ready(let folded):
            return folded
        case .wait(let semaphore):
            semaphore.wait()
            // Let any later waiter on this chunk through too.
            semaphore.signal()
        case .foldHere:
            fold(chunk)
        }
        return state.withLock { $0.folded[index] }
    }

    /// The helper: every chunk not yet taken, in order.
    private func foldAll() {
        for chunk in 0..<state.withLock({ $0.chunks.count }) {
            let mine = state.withLock { state -> Bool in
                guard case .waiting = state.chunks[chunk] else { return false }
                state.chunks[chunk] = .folding(DispatchSemaphore(value: 0))
                return true
            }
            if mine { fold(chunk) }
        }
    }

    /// Folds a chunk this thread has taken (marked `.folding`) and marks it done.
    private func fold(_ chunk: Int) {
        let range = (chunk * Self.chunkSize)..<min(changes.count, (chunk + 1) * Self.chunkSize)
        let folded = range.map { Self.folded(changes[$0]) }
        let semaphore = state.withLock { state -> DispatchSemaphore? in
            state.folded.replaceSubrange(range, with: folded)
            defer { state.chunks[chunk] = .done }
            if case .folding(let semaphore) = state.chunks[chunk] { return semaphore }
            return nil
        }
        semaphore?.signal()
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
