import ArgumentParser
import SyncClient

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
            [
                String(conflict.id.prefix(8)), conflict.kind.rawValue, conflict.status.rawValue,
                conflict.field ?? "(entity)", "\(conflict.mineAuthor) / \(conflict.theirsAuthor ?? "?")",
                conflict.target,
            ]
        }
        return TextTable.render(header: ["ID", "KIND", "STATUS", "FIELD", "MINE / THEIRS", "WHAT"], rows: rows)
            + "show one with `bulletin conflicts show ID`; resolve with `bulletin resolve ID --take mine|theirs`\n"
    }
}
