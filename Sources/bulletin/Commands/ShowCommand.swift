import ArgumentParser
import SyncClient

/// `bulletin show ISSUE [--json]`: the whole issue, articles with open conflicts marked (see ``IssueJSON``).
struct ShowCommand: BulletinCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show an issue with its sections, articles and annotations.")

    @OptionGroup var store: StoreOption
    @Argument(help: "An issue id, a unique id prefix or a date YYYY-MM-DD.") var issue: String
    @Flag(help: "Print the structured issue as JSON.") var json = false

    func output(using cli: BulletinCLI) throws -> String {
        let local = try cli.openStore(store.store)
        let found = try local.issue(issue)
        let conflicts = try local.openConflicts(ofIssue: found.id)
        guard json else { return IssueText.render(found, conflicts: conflicts) }
        return try IssueJSON.render(found, conflicts: conflicts)
    }
}
