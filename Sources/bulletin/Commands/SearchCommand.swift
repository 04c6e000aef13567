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
