import ArgumentParser
import BulletinCore
import SyncClient

/// `bulletin resolve ID --take mine|theirs` or `--file F`: writes the chosen value and marks the conflict resolved,
/// in one local transaction; `bulletin sync` sends both.
struct ResolveCommand: BulletinCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Resolve a conflict: take one side, or write your own merged text; `bulletin sync` sends it.")

    @OptionGroup var store: StoreOption
    @Argument(help: "A conflict id or a unique id prefix.") var conflict: String
    @Option(help: "mine or theirs: that side for every conflicting part (clean merges of text are kept).")
    var take: String?
    @Option(
        help: ArgumentHelp(
            "The value to keep: paragraphs separated by blank lines for article text, text for a "
                + "title, JSON otherwise; - reads standard input.", valueName: "file"))
    var file: String?

    func output(using cli: BulletinCLI) throws -> String {
        let local = try cli.openStore(store.store)
        let choice: ConflictChoice
        switch (take, file) {
        case (let side?, nil):
            guard let chosen = MergeSide(rawValue: side.lowercased()) else {
                throw CommandError.invalidValue(option: "--take", value: side, allowed: ["mine", "theirs"])
            }
            choice = .take(chosen)
        case (nil, let path?):
            let found = try local.conflict(conflict)
            choice = .value(try found.resolutionValue(fromText: try cli.readText(path), source: path))
        default:
            throw CommandError.invalidArgument("pass exactly one of --take mine|theirs and --file F")
        }
        let report = try local.resolveConflict(conflict, choice: choice)
        let resolved = report.conflict
        var text =
            "resolved conflict \(resolved.id.prefix(8)) (\(resolved.resolution?.rawValue ?? "?")) on "
            + "\(resolved.target)"
        if !report.wroteFields.isEmpty {
            text += "; wrote \(report.wroteFields.joined(separator: ", "))"
        } else if report.deletedEntity {
            text += "; deleted the \(resolved.entity.rawValue)"
        } else {
            text += "; the stored value stays"
        }
        return text + "\nrun `bulletin sync` to send the resolution\n"
    }
}
