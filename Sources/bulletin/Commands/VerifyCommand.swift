import ArgumentParser
import SyncClient

/// `bulletin verify ISSUE [--json]`: re-checks a field office's stored publication.
struct VerifyCommand: BulletinCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Re-check a published issue in a field-office store against the pinned server key.")

    @OptionGroup var store: StoreOption
    @Argument(help: "The issue: date, id or id prefix.") var issue: String
    @Flag(help: "Print JSON.") var json = false

    func output(using cli: BulletinCLI) throws -> String {
        let result = try cli.openStore(store.store).verifyPublication(issue)
        if json { return try cli.json(result) }
        return "issue \(result.date) version \(result.version) (\(result.state)): signature valid (key "
            + "\(result.keyID)), stored content matches\n"
    }
}
