import ArgumentParser
import SyncClient

/// `bulletin import FILE [--json]`.
struct ImportCommand: BulletinCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import a bulletin text file as a new issue; prints its id.")

    @OptionGroup var store: StoreOption
    @Argument(help: "A bulletin in the newsroom's text format (UTF-8; NFD and CRLF are fine).") var file: String
    @Flag(help: "Print the imported issue as JSON instead of its id.") var json = false

    func output(using cli: BulletinCLI) throws -> String {
        try cli.importFile(store: store.store, file: file, json: json)
    }
}

/// `bulletin export ISSUE --format bulletin|markdown|html|json [-o FILE]`.
struct ExportCommand: BulletinCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export an issue as the bulletin text format, Markdown, HTML or JSON.")

    @OptionGroup var store: StoreOption
    @Argument(help: "An issue id, a unique id prefix or a date YYYY-MM-DD.") var issue: String
    @Option(help: "bulletin, markdown, html or json.") var format: String
    @Option(name: [.customShort("o"), .customLong("output")], help: "Write to this file instead of standard output.")
    var outputFile: String?

    func output(using cli: BulletinCLI) throws -> String {
        try cli.export(store: store.store, issue: issue, format: format, output: outputFile)
    }
}
