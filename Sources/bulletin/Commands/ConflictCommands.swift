import ArgumentParser
import BulletinCore
import SyncClient

/// `bulletin conflicts …`: lists conflicts (the default) or shows one.
struct ConflictsGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conflicts", abstract: "Concurrent edits the server could not merge: list them, show one.",
        subcommands: [ListConflictsCommand.self, ShowConflictCommand.self],
        defaultSubcommand: ListConflictsCommand.self)
}

/// `bulletin conflicts [list] [--all] [--json]`: the open conflicts (all of them with `--all`), newest first.
struct ListConflictsCommand: BulletinCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the open conflicts, newest first.")

    @OptionGroup var store: StoreOption
    @Flag(help: "Include resolved conflicts.") var all = false
    @Flag(help: "Print JSON.") var json = false

    func output(using cli: BulletinCLI) throws -> String {
        let list = try cli.openStore(store.store).conflicts(includingResolved: all)
        if json { return try cli.json(list) }
        guard !list.isEmpty else {
            return all ? "no conflicts\n" : "no open conflicts\n"
        }
        let rows = list.map { conflict in
            [String(conflict.id.prefix(8)), conflict.kind.rawValue, conflict.status.rawValue,
             conflict.field ?? "(entity)", "\(conflict.mineAuthor) / \(conflict.theirsAuthor ?? "?")", conflict.target]
        }
        return TextTable.render(header: ["ID", "KIND", "STATUS", "FIELD", "MINE / THEIRS", "WHAT"], rows: rows)
            + "show one with `bulletin conflicts show ID`; resolve with `bulletin resolve ID --take mine|theirs`\n"
    }
}

/// `bulletin conflicts show ID [--json]`: who changed what, and the places that differ with a few words of context
/// (coloured on a terminal).
struct ShowConflictCommand: BulletinCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a conflict: what mine and theirs changed, with a few words of context and the paragraph.")

    @OptionGroup var store: StoreOption
    @Argument(help: "A conflict id or a unique id prefix.") var conflict: String
    @Flag(help: "Print JSON.") var json = false

    func output(using cli: BulletinCLI) throws -> String {
        let found = try cli.openStore(store.store).conflict(conflict)
        if json { return try cli.json(found) }
        return ConflictText.render(found, style: cli.context.colours ? .ansi : .plain)
    }
}

/// `bulletin resolve ID --take mine|theirs` or `--file F`: writes the chosen value and marks the conflict resolved,
/// in one local transaction; `bulletin sync` sends both.
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
        let local = try cli.openStore(store.store)
        let choice: ConflictChoice
        switch (take, file) {
        case (let side?, nil):
            guard let chosen = MergeSide(rawValue: side.lowercased()) else {
                throw CommandError.invalidValue(option: "--take", value: side, allowed: ["mine", "theirs"])
            }
            choice = .take(chosen)
        case (nil, let path?):
            let found = try local.conflict(conflict)
            choice = .value(try found.resolutionValue(fromText: try cli.readText(path), source: path))
        default:
            throw CommandError.invalidArgument("pass exactly one of --take mine|theirs and --file F")
        }
        let report = try local.resolveConflict(conflict, choice: choice)
        let resolved = report.conflict
        var text = "resolved conflict \(resolved.id.prefix(8)) (\(resolved.resolution?.rawValue ?? "?")) on "
            + "\(resolved.target)"
        if !report.wroteFields.isEmpty {
            text += "; wrote \(report.wroteFields.joined(separator: ", "))"
        } else if report.deletedEntity {
            text += "; deleted the \(resolved.entity.rawValue)"
        } else {
            text += "; the stored value stays"
        }
        return text + "\nrun `bulletin sync` to send the resolution\n"
    }
}
