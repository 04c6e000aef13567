import ArgumentParser
import SyncClient

/// `bulletin log [ISSUE|ARTICLE] [--json]`: who changed what, and when (oldest first).
struct LogCommand: BulletinCommand {
    static let configuration = CommandConfiguration(
        commandName: "log", abstract: "Who changed what, and when: everything, one issue or one article.")

    @OptionGroup var store: StoreOption
    @Argument(help: "An issue (id, prefix, date) or an article (DATE/N, id, prefix).") var target: String?
    @Flag(help: "Print JSON.") var json = false

    func output(using cli: BulletinCLI) throws -> String {
        let entries = try cli.openStore(store.store).history(of: target)
        if json { return try cli.json(entries) }
        guard !entries.isEmpty else { return "no changes\n" }
        return entries.map { entry in
            let fields = entry.op == "update" ? "  " + entry.fields.joined(separator: ", ") : ""
            let pending = entry.pending ? "  (not pushed)" : ""
            return "\(entry.time)  \(entry.author)  \(entry.op) \(entry.target)\(fields)\(pending)\n"
        }.joined()
    }
}
