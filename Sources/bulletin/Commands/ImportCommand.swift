import ArgumentParser
import BulletinFormat
import SyncClient

/// `bulletin import FILE [--json]`: stores a bulletin text file as a new issue; prints its id (or the issue).
struct ImportCommand: BulletinCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import a bulletin text file as a new issue; prints its id.")

    @OptionGroup var store: StoreOption
    @Argument(help: "A bulletin in the newsroom's text format (UTF-8; NFD and CRLF are fine).") var file: String
    @Flag(help: "Print the imported issue as JSON instead of its id.") var json = false

    func output(using cli: BulletinCLI) throws -> String {
        let local = try cli.openStore(store.store)
        let text = try cli.readText(file)
        let reference: IssueReference
        do {
            reference = try local.importBulletin(text)
        } catch let error as BulletinImportError {
            throw CommandError.malformedFile(path: file, reason: error.description)
        }
        return json ? try cli.json(try local.issue(reference.id)) : reference.id + "\n"
    }
}
