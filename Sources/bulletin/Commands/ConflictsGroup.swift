import ArgumentParser

/// `bulletin conflicts …`: lists conflicts (the default) or shows one.
struct ConflictsGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conflicts", abstract: "Concurrent edits the server could not merge: list them, show one.",
        subcommands: [ListConflictsCommand.self, ShowConflictCommand.self],
        defaultSubcommand: ListConflictsCommand.self)
}
