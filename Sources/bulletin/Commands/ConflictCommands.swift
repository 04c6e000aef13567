import ArgumentParser
import SyncClient

/// `bulletin conflicts …`: lists conflicts (the default) or shows one.
struct ConflictsGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conflicts", abstract: "Concurrent edits the server could not merge: list them, show one.",
        subcommands: [ListConflictsCommand.self, ShowConflictCommand.self],
        defaultSubcommand: ListConflictsCommand.self)
}

/// `bulletin conflicts [list] [--all] [--json]`.
struct ListConflictsCommand: BulletinCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the open conflicts, newest first.")

    @OptionGroup var store: StoreOption
    @Flag(help: "Include resolved conflicts.") var all = false
    @Flag(help: "Print JSON.") var json = false

    func output(using cli: BulletinCLI) throws -> String {
        try cli.conflicts(store: store.store, all: all, json: json)
    }
}

/// `bulletin conflicts show ID [--json]`.
struct ShowConflictCommand: BulletinCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a conflict: base, mine and theirs with inline diffs.")

    @OptionGroup var store: StoreOption
    @Argument(help: "A conflict id or a unique id prefix.") var conflict: String
    @Flag(help: "Print JSON.") var json = false

    func output(using cli: BulletinCLI) throws -> String {
        try cli.showConflict(store: store.store, conflict: conflict, json: json)
    }
}

/// `bulletin resolve ID --take mine|theirs` or `bulletin resolve ID --file F`.
struct ResolveCommand: BulletinCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Resolve a conflict: take one side, or write your own merged text; `bulletin sync` sends it.")

    @OptionGroup var store: StoreOption
    @Argument(help: "A conflict id or a unique id prefix.") var conflict: String
    @Option(help: "mine or theirs: that side for every conflicting part (clean merges of text are kept).")
    var take: String?
    @Option(help: ArgumentHelp("The value to keep: paragraphs separated by blank lines for article text, text for a "
                               + "title, JSON otherwise; - reads standard input.", valueName: "file"))
    var file: String?

    func output(using cli: BulletinCLI) throws -> String {
        try cli.resolve(store: store.store, conflict: conflict, take: take, file: file)
    }
}
