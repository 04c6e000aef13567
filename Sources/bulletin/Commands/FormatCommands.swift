import ArgumentParser
import BulletinCore
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
            throw CommandError.invalidValue(option: "format", value: format,
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
