import ArgumentParser
import SyncClient

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
