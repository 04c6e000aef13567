import ArgumentParser
import BulletinCore
import BulletinFormat
import Foundation
import SyncClient

/// `bulletin article …`.
struct ArticleGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "article", abstract: "Add, edit and remove articles.",
        subcommands: [AddArticleCommand.self, EditArticleCommand.self, RemoveArticleCommand.self])
}

/// `bulletin article add ISSUE --section N --title T [--body-file F|-] [--source "Outlet dd/m, Author"]`: prints
/// `DATE/N ID`.
struct AddArticleCommand: BulletinCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Append an article to a section; prints DATE/N and its id.")

    @OptionGroup var store: StoreOption
    @Argument(help: "An issue id, a unique id prefix or a date YYYY-MM-DD.") var issue: String
    @Option(help: "The section's number in the issue, from 1.") var section: Int
    @Option(help: "The article's title.") var title: String
    @Option(help: ArgumentHelp("A text file of paragraphs separated by blank lines; - reads standard input.",
                               valueName: "file"))
    var bodyFile: String?
    @Option(help: "The source citation, e.g. \"Baophapluat.vn 05/9, Lê Hồng\".") var source: String?

    func output(using cli: BulletinCLI) throws -> String {
        let citation = try source.map { text in
            guard let citation = CitationText.parse(text) else {
                throw CommandError.invalidArgument(
                    "--source must look like \"Outlet dd/m, Author\" (e.g. \"Baophapluat.vn 05/9, Lê Hồng\"), "
                        + "got \"\(text)\"")
            }
            return citation
        }
        let paragraphs = try bodyFile.map(cli.readBody) ?? []
        let article = try cli.openStore(store.store).addArticle(
            issue: issue, section: section, title: title, paragraphs: paragraphs, source: citation)
        return "\(article.reference) \(article.id)\n"
    }
}

/// `bulletin article edit ARTICLE [--title T] [--body-file F|-]`; with neither flag, opens `$EDITOR` on the title
/// and paragraphs. Records only what changed.
struct EditArticleCommand: BulletinCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Change an article's title and/or body; with neither option, edit both in $EDITOR.")

    @OptionGroup var store: StoreOption
    @Argument(help: "DATE/N, an article id or a unique id prefix.") var article: String
    @Option(help: "The new title.") var title: String?
    @Option(help: ArgumentHelp("The new body: paragraphs separated by blank lines; - reads standard input.",
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
    private func editInEditor(_ current: ArticleText, cli: BulletinCLI) throws -> (title: String, paragraphs: [String]) {
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

/// `bulletin article rm ARTICLE`.
struct RemoveArticleCommand: BulletinCommand {
    static let configuration = CommandConfiguration(commandName: "rm", abstract: "Remove an article.")

    @OptionGroup var store: StoreOption
    @Argument(help: "DATE/N, an article id or a unique id prefix.") var article: String

    func output(using cli: BulletinCLI) throws -> String {
        let removed = try cli.openStore(store.store).removeArticle(article)
        return "removed \(removed.reference) “\(removed.title)”\n"
    }
}

/// `bulletin annotate ARTICLE TEXT [--kind K] [--paragraph N]` (N counts from 1): prints the annotation's id.
struct AnnotateCommand: BulletinCommand {
    static let configuration = CommandConfiguration(
        commandName: "annotate", abstract: "Annotate an article; prints the annotation's id.")

    @OptionGroup var store: StoreOption
    @Argument(help: "DATE/N, an article id or a unique id prefix.") var article: String
    @Argument(help: "The note.") var text: String
    @Option(help: "comment (default), correction, fact-check or sign-off.") var kind: String?
    @Option(help: "Anchor to this paragraph, counting from 1.") var paragraph: Int?

    func output(using cli: BulletinCLI) throws -> String {
        let annotationKind = try kind.map { value in
            guard let parsed = AnnotationKind(rawValue: value.lowercased()) else {
                throw CommandError.invalidValue(option: "kind", value: value,
                                                allowed: AnnotationKind.allCases.map(\.rawValue))
            }
            return parsed
        } ?? .comment
        if let paragraph, paragraph < 1 {
            throw CommandError.invalidArgument("--paragraph counts from 1, got \(paragraph)")
        }
        let annotation = try cli.openStore(store.store).annotate(
            article, text: text, kind: annotationKind, paragraph: paragraph.map { $0 - 1 })
        return annotation.id + "\n"
    }
}
