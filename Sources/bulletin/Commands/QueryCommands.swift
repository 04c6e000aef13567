import ArgumentParser
import SyncClient

/// `bulletin search QUERY [--json] [--limit N]`: ranked results with snippets.
struct SearchCommand: BulletinCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Full-text search, ranked, with snippets; accents optional (\"cai cach\" finds \"cải cách\").")

    @OptionGroup var store: StoreOption
    @Argument(help: "Words to find (all must occur); end a word with * to match a prefix.") var query: [String]
    @Flag(help: "Print JSON.") var json = false
    @Option(help: "At most this many results.") var limit = 20

    func output(using cli: BulletinCLI) throws -> String {
        let text = query.joined(separator: " ")
        guard limit >= 1 else { throw CommandError.invalidArgument("--limit must be at least 1") }
        let hits = try cli.openStore(store.store).search(text, limit: limit)
        if json { return try cli.json(hits) }
        guard !hits.isEmpty else { return "no matches for '\(text)'\n" }
        return hits.map { hit in
            "\(hit.rank). \(hit.ref)  \(hit.title)\n    \(hit.snippet)\n"
        }.joined()
    }
}

/// `bulletin log [ISSUE|ARTICLE] [--json]`: who changed what, and when (oldest first).
struct LogCommand: BulletinCommand {
    static let configuration = CommandConfiguration(
        commandName: "log", abstract: "Who changed what, and when: everything, one issue or one article.")

    @OptionGroup var store: StoreOption
    @Argument(help: "An issue (id, prefix, date) or an article (DATE/N, id, prefix).") var target: String?
    @Flag(help: "Print JSON.") var json = false

    func output(using cli: BulletinCLI) throws -> String {
        let entries = try cli.openStore(store.store).history(of: target)
        if json { return try cli.json(entries) }
        guard !entries.isEmpty else { return "no changes\n" }
        return entries.map { entry in
            let fields = entry.op == "update" ? "  " + entry.fields.joined(separator: ", ") : ""
            let pending = entry.pending ? "  (not pushed)" : ""
            return "\(entry.time)  \(entry.author)  \(entry.op) \(entry.target)\(fields)\(pending)\n"
        }.joined()
    }
}
