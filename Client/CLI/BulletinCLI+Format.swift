import BulletinCore
import BulletinFormat
import Foundation

extension BulletinCLI {
    /// `bulletin import FILE [--json]`: stores a bulletin text file as a new issue; prints its id (or the issue).
    public func importFile(store: String?, file: String, json: Bool) throws -> String {
        let local = try openStore(store)
        let data = try readFile(file)
        guard let text = String(data: data, encoding: .utf8) else { throw CommandError.notText(path: file) }
        let now = ISOTime.string(fromMillis: context.storeOptions.wallClock())
        let issue: Issue
        do {
            issue = try BulletinImporter.parse(text, makeID: context.storeOptions.makeID, now: now)
        } catch let error as BulletinImportError {
            throw CommandError.malformedFile(path: file, reason: error.description)
        }
        let reference = try local.importIssue(issue)
        return json ? try self.json(try local.issue(reference.id)) : reference.id + "\n"
    }

    /// `bulletin export ISSUE --format bulletin|markdown|html|json [-o FILE]`: the export, or nothing when
    /// written to FILE.
    public func export(store: String?, issue reference: String, format: String, output: String?) throws -> String {
        guard let exportFormat = ExportFormat(rawValue: format.lowercased()) else {
            throw CommandError.invalidValue(option: "format", value: format,
                                            allowed: ExportFormat.allCases.map(\.rawValue))
        }
        let issue = try openStore(store).issue(reference)
        var text = BulletinExporter.export(issue, as: exportFormat)
        if !text.hasSuffix("\n") { text += "\n" }
        guard let output else { return text }
        do {
            try AtomicFile.write(Array(text.utf8), to: output)
        } catch let error as AtomicFileError {
            throw CommandError.cannotWrite(path: output, reason: error.description)
        }
        return ""
    }
}
