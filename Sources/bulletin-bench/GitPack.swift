import BulletinCore
import Foundation

/// The size of what `git fetch` receives for an edit: a git repository holds one file per article; after a commit
/// of the edits, the thin pack from the previous commit to the new one is what a fetching clone is sent (plus a
/// few hundred bytes of ref negotiation, not counted).
enum GitPack {
    /// The thin pack's bytes for changing `issue`'s articles to `edits` (article id → new paragraphs).
    static func size(issue: Issue, edits: [String: [String]]) throws -> Int {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("bulletin-bench-git-\(UUID().uuidString.lowercased())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        func write(_ article: Article, _ paragraphs: [String]) throws {
            let text = ([article.title] + paragraphs).joined(separator: "\n\n") + "\n"
            try Data(text.utf8).write(to: directory.appendingPathComponent("article-\(article.number).txt"))
        }
        _ = try git(["init", "-q"], in: directory)
        for article in issue.articles { try write(article, article.paragraphs) }
        _ = try git(["add", "-A"], in: directory)
        _ = try git(["commit", "-q", "-m", "issue"], in: directory)
        for article in issue.articles { if let new = edits[article.id] { try write(article, new) } }
        _ = try git(["commit", "-q", "-a", "-m", "edits"], in: directory)
        return try git(
            ["pack-objects", "--revs", "--thin", "--stdout", "-q"], in: directory,
            input: "HEAD\n^HEAD~1\n"
        ).count
    }

    private static func git(_ arguments: [String], in directory: URL, input: String? = nil) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.invalid"] + arguments
        process.currentDirectoryURL = directory
        let output = Pipe()
        let feed = Pipe()
        process.standardOutput = output
        process.standardInput = feed
        try process.run()
        if let input { feed.fileHandleForWriting.write(Data(input.utf8)) }
        try feed.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw GitError(message: "git \(arguments.first ?? "") failed with status \(process.terminationStatus)")
        }
        return data
    }
}

/// A git command that failed.
struct GitError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
