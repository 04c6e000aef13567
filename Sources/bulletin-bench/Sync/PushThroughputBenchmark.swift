import BulletinCore
import Foundation
import SyncProtocol

/// (c) Push throughput: an editor's outbox of exactly `changes` changes, made offline, pushed over one connection
/// with the library's ``SyncEngine/pushAll(_:welcome:into:)`` (bounded batches, each acknowledged only once the
/// server committed it with `synchronous = FULL`). Two kinds of outbox, as editors make them:
///
/// - small changes: annotations of about 120 characters (with the few issue/section/article creates they hang on);
/// - large changes: a newly imported archive, i.e. `create`s of issues, sections and ~5 KB articles.
struct PushThroughputBenchmark {
    /// What one push did.
    struct Result: Sendable {
        /// Changes pushed (and accepted).
        var changes: Int
        /// Seconds `pushAll` took.
        var seconds: Double
        /// Uncompressed JSON bytes of the records pushed.
        var recordBytes: Int
        /// Bytes on the wire, both directions.
        var wireBytes: Int
        /// CPU seconds the server process used during the push (all its threads), when it is a process of ours.
        var serverCPUSeconds: Double?
        /// CPU seconds this process (the pushing client's library) used during the push.
        var clientCPUSeconds: Double

        /// Changes per second.
        var rate: Double { Double(changes) / seconds }
    }

    /// The workspace (for the pushing editor's store).
    let workspace: BenchWorkspace
    /// The server's port.
    let port: Int
    /// The tokens of the accounts `pusher-small` and `pusher-large`.
    let tokens: [String: String]
    /// The server's process, whose CPU time is read around each push.
    var server: ChildProcess?
    /// Which round of a run this is (from 0): each round's editors have store files of their own.
    var round = 0

    /// Pushes `changes` annotation-sized changes hanging on issues of `editor`'s own (see ``smallOutbox``).
    func smallChanges(_ changes: Int, editor: Int = 0) async throws -> Result {
        try await push(try smallOutbox(changes, account: "pusher-small", editor: editor), expected: changes)
    }

    /// Makes an editor's store signed in as `account` whose outbox holds exactly `changes` annotation-sized changes.
    ///
    /// Editors pushing at the same time need outboxes of their own: `editor` picks the seed and the dates of the
    /// issues the annotations hang on, so that no two editors create the same issue.
    func smallOutbox(_ changes: Int, account: String, editor index: Int = 0) throws -> BenchEditor {
        let editor = try BenchEditor.create(
            at: workspace.path("\(account)-\(round).sqlite"), editor: "Hoài Thu", token: tokens[account] ?? "")
        // Each issue carries one section and one article with many annotations: 3 + annotations changes.
        let perIssue = 400
        var remaining = changes
        var issues = ArchiveGenerator(
            articleCount: changes / perIssue + 2, articlesPerIssue: 1, sectionsPerIssue: 1,
            articleBytes: 600, firstDate: CivilDate(daysSinceEpoch: 30_000 + 1_000 * index),
            seed: 7 + UInt64(index)
        ).makeIterator()
        var number = 0
        while remaining > 0, var issue = issues.next() {
            var size = min(perIssue, remaining)
            // Never leave 1 or 2 changes over: an issue takes at least its 3 creates.
            if (1..<3).contains(remaining - size) { size -= 3 }
            let annotations = size - 3
            guard annotations >= 0 else { break }
            let articleID = issue.sections[0].articles[0].id
            issue.sections[0].articles[0].annotations = (0..<annotations).map { _ in
                number += 1
                return Annotation(
                    id: TimeOrderedID.make(), articleID: articleID, paragraph: 0,
                    kind: AnnotationKind.allCases[number % AnnotationKind.allCases.count],
                    text: ArticleEdits.sentence(number), author: "Hoài Thu",
                    createdAt: ISOTime.string(fromMillis: 1_725_523_200_000 + Int64(number)))
            }
            try editor.store.importIssue(issue)
            remaining -= annotations + 3
        }
        return editor
    }

    /// Pushes `changes` creates of a new archive (issues of 20 articles: 25 changes per issue); each `archive`
    /// number makes one of its own (its seed, its dates; seeds apart from ``smallOutbox``'s: one seed, the same ids).
    func largeChanges(_ changes: Int, archive: Int = 0) async throws -> Result {
        let editor = try BenchEditor.create(
            at: workspace.path("pusher-large-\(round).sqlite"), editor: "Minh Quân",
            token: tokens["pusher-large"] ?? "")
        let issues = max(1, changes / 25)
        let generator = ArchiveGenerator(
            articleCount: issues * 20, firstDate: CivilDate(daysSinceEpoch: 40_000 + archive * (issues + 1)),
            seed: 11 + 1_000 * UInt64(archive))
        _ = try editor.importArchive(generator)
        return try await push(editor, expected: issues * 25)
    }

    /// Pushes the editor's whole outbox, which must hold exactly `expected` changes, to the server on ``port``.
    func push(_ editor: BenchEditor, expected: Int) async throws -> Result {
        let totals = try editor.store.pendingTotals()
        guard totals.count == expected else {
            throw BenchError.unexpected("the outbox holds \(totals.count) changes instead of \(expected)")
        }
        let cpuBefore = server?.cpuSeconds()
        let ownBefore = Self.processCPUSeconds()
        let (summary, seconds) = try await editor.pushAll(port: port)
        let ownAfter = Self.processCPUSeconds()
        let cpuAfter = server?.cpuSeconds()
        guard summary.accepted == expected, try editor.store.pendingCount() == 0 else {
            throw BenchError.unexpected("pushed \(summary.pushed), accepted \(summary.accepted) of \(expected)")
        }
        return Result(
            changes: expected, seconds: seconds, recordBytes: totals.bytes,
            wireBytes: summary.bytesSent + summary.bytesReceived,
            serverCPUSeconds: cpuAfter.flatMap { after in cpuBefore.map { after - $0 } },
            clientCPUSeconds: ownAfter - ownBefore)
    }

    /// CPU time this process has used, all threads.
    static func processCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
