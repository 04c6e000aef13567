import ArgumentParser
import BulletinCore
import Foundation
import SyncClient

/// `bulletin article edit ARTICLE [--title T] [--body-file F|-]`; with neither flag, opens `$EDITOR` on the title
/// and paragraphs. Records only what changed.
struct EditArticleCommand: BulletinCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Change an article's title and/or body; with neither option, edit both in $EDITOR.")

    @OptionGroup var store: StoreOption
    @Argument(help: "DATE/N, an article id or a unique id prefix.") var article: String
    @Option(help: "The new title.") var title: String?
    @Option(
        help: ArgumentHelp(
            "The new body: paragraphs separated by blank lines; - reads standard input.",
            valueName: "file"))
    var bodyFile: String?

    func output(using cli: BulletinCLI) throws -> String {
        let local = try cli.openStore(store.store)
        let edit: ArticleEdit
        if title == nil && bodyFile == nil {
            let current = try local.articleText(article)
            let edited = try editInEditor(current, cli: cli)
            edit = try local.editArticle(current.article.id, title: edited.title, paragraphs: edited.paragraphs)
        } else {
            let paragraphs = try bodyFile.map(cli.readBody)
            edit = try local.editArticle(article, title: title, paragraphs: paragraphs)
        }
        guard !edit.changedFields.isEmpty else { return "\(edit.article.reference): no changes\n" }
        return "\(edit.article.reference): updated \(edit.changedFields.joined(separator: ", "))\n"
    }

    /// Opens `$EDITOR` on a temporary file holding the title, a blank line and the paragraphs; reads it back.
    private func editInEditor(_ current: ArticleText, cli: BulletinCLI) throws -> (title: String, paragraphs: [String])
    {
        let context = cli.context
        guard let editor = context.environment["EDITOR"], !editor.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw CommandError.noEditor
        }
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("bulletin-edit-\(UUID().uuidString.lowercased())")
        let file = directory.appendingPathComponent("\(current.article.date)-\(current.article.number ?? 0).txt")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(BodyText.editBuffer(title: current.title, paragraphs: current.paragraphs).utf8).write(to: file)
        } catch {
            throw CommandError.cannotWrite(path: file.path, reason: error.localizedDescription)
        }
        defer { try? FileManager.default.removeItem(at: directory) }
        let status = try context.runEditor(editor, file.path)
        guard status == 0 else { throw CommandError.editorFailed(command: editor, status: status) }
        return try BodyText.parseEditBuffer(try cli.readText(file.path))
    }
}
