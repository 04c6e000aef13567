import ArgumentParser
import BulletinCore
import BulletinFormat
import Foundation
import Logging
import SyncClient
import SyncServer

/// `bulletin-bench compact-edits`: the bytes on the wire of the incremental sync after editor A gave each of 10
/// articles a ~120-character edit, with text edits on the wire and with whole values, over loopback TCP against
/// an in-process server; optionally next to the size of git's pack for the same edits.
struct CompactEditsBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compact-edits",
        abstract: "Sync bytes of small edits to many articles: text edits versus whole values (and git's pack)."
    )

    @Option(help: "Articles that each get one edit.")
    var articles = 10

    @Option(help: "Characters each edit inserts into a paragraph.")
    var editCharacters = 120

    @Option(help: "A bulletin text file to import as the issue (default: generated ~4 KB Vietnamese articles).")
    var sample: String?

    @Option(help: "Approximate UTF-8 bytes of each generated article body.")
    var bodyBytes = 4_000

    @Option(help: "Seed of the generated text.")
    var seed: UInt64 = 20_240_905

    @Flag(help: "Also measure git: the thin pack `git fetch` would receive for the same edits.")
    var git = false

    mutating func run() async throws {
        let issue = try makeIssue()
        let edited = editedArticles(of: issue)
        print(
            "issue with \(issue.articles.count) articles (\(bodyDescription(issue))); "
                + "\(edited.count) articles each get a \(editCharacters)-character edit")
        print(row("", "A: push + pull", "B: pull"))
        for compact in [true, false] {
            let (editor, reader) = try await measure(issue: issue, edits: edited, compact: compact)
            print(
                row(
                    compact ? "text edits" : "whole values", "\(editor.bytesSent + editor.bytesReceived) B",
                    "\(reader.bytesSent + reader.bytesReceived) B"))
        }
        if git {
            let pack = try GitPack.size(issue: issue, edits: edited)
            print(row("git (thin pack only)", "", "\(pack) B"))
        }
        print(
            "bytes are everything both directions of one `bulletin sync` carried on the socket (preamble, hello, "
                + "push, pull, pages, bye), zlib included")
    }

    /// Editor A makes the issue and syncs, editor B syncs; A edits and syncs (measured), then B syncs (measured).
    private func measure(
        issue: Issue, edits: [String: [String]], compact: Bool
    ) async throws -> (editor: SyncSummary, reader: SyncSummary) {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("bulletin-bench-\(UUID().uuidString.lowercased())").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let logger = Logger(label: "bench") { _ in SwiftLogNoOpLogHandler() }
        let configuration = ServerConfiguration(host: "127.0.0.1", port: 0, dataDirectory: directory + "/server")
        let options = LocalStoreOptions(compactPushes: compact)
        let writer = try LocalStore.create(at: directory + "/a.sqlite", editor: "Thanh Hồng", options: options)
        let reader = try LocalStore.create(at: directory + "/b.sqlite", editor: "Minh Khang", options: options)
        try writer.importIssue(issue)
        // Accounts are not what is measured: every hello is let in (as a chief).
        return try await Server.withRunning(
            configuration: configuration, logger: logger, authenticator: AllowAllAuthenticator()
        ) { server in
            let address = ServerAddress(host: "127.0.0.1", port: server.port)
            let sync = SyncOptions(textEdits: compact)
            let writerRunner = SyncRunner(store: writer, address: address, options: sync, logger: logger)
            let readerRunner = SyncRunner(store: reader, address: address, options: sync, logger: logger)
            _ = try await writerRunner.syncOnce()
            _ = try await readerRunner.syncOnce()
            for (id, paragraphs) in edits.sorted(by: { $0.key < $1.key }) {
                try writer.editArticle(id, paragraphs: paragraphs)
            }
            let editor = try await writerRunner.syncOnce()
            let pulled = try await readerRunner.syncOnce()
            guard pulled.pulled == edits.count,
                try edits.allSatisfy({ try reader.articleText($0.key).paragraphs == $0.value })
            else { throw ValidationError("editor B did not end with editor A's edits") }
            return (editor, pulled)
        }
    }

    private func makeIssue() throws -> Issue {
        if let sample {
            let text = try String(contentsOfFile: sample, encoding: .utf8)
            return try BulletinImporter.parse(text, now: "2024-09-05T08:00:00Z")
        }
        var corpus = VietnameseCorpus(seed: seed)
        let articles = (1...max(articles, 1)).map { number in
            Article(
                id: UUID().uuidString.lowercased(), number: number, title: corpus.title(),
                paragraphs: corpus.articleBody(targetBytes: bodyBytes))
        }
        let section = Section(id: UUID().uuidString.lowercased(), title: "CẢI CÁCH HÀNH CHÍNH", articles: articles)
        return Issue(
            id: UUID().uuidString.lowercased(), date: "2024-09-05", weekday: "THỨ NĂM", yearLine: "Năm 2024",
            releaseLine: "Phát hành: 05/9/2024", titleLines: ["Bản tin", "Điểm báo"],
            subject: "CẢI CÁCH HÀNH CHÍNH", cadence: "(Phát hành hàng ngày từ thứ Hai đến thứ Sáu)",
            intro: "Xin giới thiệu", editor: "Thanh Hồng", sections: [section])
    }

    /// The new paragraphs of the first `articles` articles: a sentence of about `editCharacters` characters put
    /// into the middle of each one's middle paragraph, at a space.
    private func editedArticles(of issue: Issue) -> [String: [String]] {
        var corpus = VietnameseCorpus(seed: seed ^ 0xED17)
        var result: [String: [String]] = [:]
        for article in issue.articles.prefix(articles) where !article.paragraphs.isEmpty {
            var paragraphs = article.paragraphs
            let index = paragraphs.count / 2
            let words = paragraphs[index].split(separator: " ")
            var insertion = ""
            for word in corpus.sentenceRun(minimumBytes: editCharacters * 3).split(separator: " ") {
                if insertion.count + word.count + 1 > editCharacters { break }
                insertion += (insertion.isEmpty ? "" : " ") + word
            }
            let cut = words.count / 2
            paragraphs[index] = (words[..<cut] + [Substring(insertion)] + words[cut...]).joined(separator: " ")
            result[article.id] = paragraphs
        }
        return result
    }

    private func bodyDescription(_ issue: Issue) -> String {
        let bytes = issue.articles.map { $0.paragraphs.joined(separator: "\n\n").utf8.count }
        guard !bytes.isEmpty else { return "empty" }
        return "bodies \(bytes.min() ?? 0)–\(bytes.max() ?? 0) B, \(bytes.reduce(0, +)) B in all"
    }

    private func row(_ label: String, _ first: String, _ second: String) -> String {
        func pad(_ text: String, _ width: Int) -> String {
            text + String(repeating: " ", count: max(0, width - text.count))
        }
        return pad(label, 24) + pad(first, 18) + second
    }
}
