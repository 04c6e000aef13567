import Synchronization

/// The load of the fault tests (drain, node killed): round after round every editor adds an article to its issue
/// (`2024-09-0N`), until ``stop()`` — through the fault and the restart. With more than `backlog` changes waiting
/// in the outboxes it waits for the watch loops' activity (``pace()``), never on a timer.
final class PacedArticleLoad: Sendable {
    /// Rounds written (each adds one article per editor).
    let rounds = Atomic<Int>(0)
    private let stopping = Atomic<Bool>(false)
    private let paced: AsyncStream<Void>
    private let pacer: AsyncStream<Void>.Continuation

    init() {
        (paced, pacer) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Called on every watch-loop activity: the writer may go on.
    func pace() {
        pacer.yield()
    }

    /// Ends the writing after the round in progress.
    func stop() {
        stopping.store(true, ordering: .relaxed)
        pacer.yield()
    }

    /// Starts writing for `editors`, keeping at most about `backlog` changes waiting.
    func write(_ editors: [Editor], backlog: Int) -> Task<Void, any Error> {
        Task {
            var pacing = paced.makeAsyncIterator()
            while !stopping.load(ordering: .relaxed) {
                let number = rounds.load(ordering: .relaxed)
                for (index, editor) in editors.enumerated() {
                    try editor.store.addArticle(
                        issue: "2024-09-0\(index + 1)", section: 1, title: "Bài \(number) của \(editor.name)",
                        paragraphs: ["Đoạn văn số \(number)."], source: nil)
                }
                rounds.store(number + 1, ordering: .relaxed)
                while try editors.reduce(0, { $0 + (try $1.store.pendingCount()) }) > backlog,
                    !stopping.load(ordering: .relaxed)
                {
                    guard await pacing.next() != nil else { return }
                }
            }
        }
    }
}
