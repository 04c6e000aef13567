import ArgumentParser
import BulletinCore
import BulletinFormat
import SyncClient

/// `bulletin export ISSUE --format bulletin|markdown|html|json [-o FILE]`: the export, or nothing when written to
/// FILE.
struct ExportCommand: BulletinCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export an issue as the bulletin text format, Markdown, HTML or JSON.")

    @OptionGroup var store: StoreOption
    @Argument(help: "An issue id, a unique id prefix or a date YYYY-MM-DD.") var issue: String
    @Option(help: "bulletin, markdown, html or json.") var format: String
    @Option(name: [.customShort("o"), .customLong("output")], help: "Write to this file instead of standard output.")
    var outputFile: String?

    func output(using cli: BulletinCLI) throws -> String {
        guard let exportFormat = ExportFormat(rawValue: format.lowercased()) else {
            throw CommandError.invalidValue(
                option: "format", value: format,
                allowed: ExportFormat.allCases.map(\.rawValue))
        }
        let found = try cli.openStore(store.store).issue(issue)
        var text = BulletinExporter.export(found, as: exportFormat)
        if !text.hasSuffix("\n") { text += "\n" }
        guard let outputFile else { return text }
        do {
            try AtomicFile.write(Array(text.utf8), to: outputFile)
        } catch let error as AtomicFileError {
            throw CommandError.cannotWrite(path: outputFile, reason: error.description)
        }
        return ""
    }
}
