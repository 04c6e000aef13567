import ArgumentParser
import SyncClient

/// `bulletin section add ISSUE TITLE`: prints the section's number and id.
struct AddSectionCommand: BulletinCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Append a section to an issue; prints its number and id.")

    @OptionGroup var store: StoreOption
    @Argument(help: "An issue id, a unique id prefix or a date YYYY-MM-DD.") var issue: String
    @Argument(help: "The section title, e.g. \"CẢI CÁCH ĐỊA PHƯƠNG\".") var title: String

    func output(using cli: BulletinCLI) throws -> String {
        let section = try cli.openStore(store.store).addSection(issue: issue, title: title)
        return "\(section.number) \(section.id)\n"
    }
}
