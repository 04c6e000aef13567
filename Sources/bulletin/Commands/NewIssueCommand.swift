import ArgumentParser
import SyncClient

/// `bulletin issue new --date YYYY-MM-DD`: prints the new issue's id.
struct NewIssueCommand: BulletinCommand {
    static let configuration = CommandConfiguration(
        commandName: "new", abstract: "Create a draft issue with the standard header; prints its id.")

    @OptionGroup var store: StoreOption
    @Option(help: "The issue's date, YYYY-MM-DD.") var date: String

    func output(using cli: BulletinCLI) throws -> String {
        try cli.openStore(store.store).createIssue(date: date).id + "\n"
    }
}
