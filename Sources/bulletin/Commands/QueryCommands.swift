import ArgumentParser
import SyncClient

/// `bulletin search QUERY [--json] [--limit N]`.
struct SearchCommand: BulletinCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Full-text search, ranked, with snippets; accents optional (\"cai cach\" finds \"cải cách\").")

    @OptionGroup var store: StoreOption
    @Argument(help: "Words to find (all must occur); end a word with * to match a prefix.") var query: [String]
    @Flag(help: "Print JSON.") var json = false
    @Option(help: "At most this many results.") var limit = 20

    func output(using cli: BulletinCLI) throws -> String {
        try cli.search(store: store.store, query: query.joined(separator: " "), json: json, limit: limit)
    }
}

/// `bulletin log [ISSUE|ARTICLE] [--json]`.
struct LogCommand: BulletinCommand {
    static let configuration = CommandConfiguration(
        commandName: "log", abstract: "Who changed what, and when: everything, one issue or one article.")

    @OptionGroup var store: StoreOption
    @Argument(help: "An issue (id, prefix, date) or an article (DATE/N, id, prefix).") var target: String?
    @Flag(help: "Print JSON.") var json = false

    func output(using cli: BulletinCLI) throws -> String {
        try cli.log(store: store.store, target: target, json: json)
    }
}

/// `bulletin status [--json]`.
struct StatusCommand: BulletinCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Changes not yet pushed to the server.")

    @OptionGroup var store: StoreOption
    @Flag(help: "Print JSON.") var json = false

    func output(using cli: BulletinCLI) throws -> String {
        try cli.status(store: store.store, json: json)
    }
}
