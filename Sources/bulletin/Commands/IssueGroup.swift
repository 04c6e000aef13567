import ArgumentParser

/// `bulletin issue …`.
struct IssueGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "issue", abstract: "Create issues.", subcommands: [NewIssueCommand.self])
}
