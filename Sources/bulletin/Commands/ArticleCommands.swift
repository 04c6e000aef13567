import ArgumentParser
import SyncClient

/// `bulletin article …`.
struct ArticleGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "article", abstract: "Add, edit and remove articles.",
        subcommands: [AddArticleCommand.self, EditArticleCommand.self, RemoveArticleCommand.self])
}

/// `bulletin article add ISSUE --section N --title T [--body-file F|-] [--source "Outlet dd/m, Author"]`.
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
        try cli.addArticle(store: store.store, issue: issue, section: section, title: title, bodyFile: bodyFile,
                           source: source)
    }
}

/// `bulletin article edit ARTICLE [--title T] [--body-file F|-]`.
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
        try cli.editArticle(store: store.store, article: article, title: title, bodyFile: bodyFile)
    }
}

/// `bulletin article rm ARTICLE`.
struct RemoveArticleCommand: BulletinCommand {
    static let configuration = CommandConfiguration(commandName: "rm", abstract: "Remove an article.")

    @OptionGroup var store: StoreOption
    @Argument(help: "DATE/N, an article id or a unique id prefix.") var article: String

    func output(using cli: BulletinCLI) throws -> String {
        try cli.removeArticle(store: store.store, article: article)
    }
}

/// `bulletin annotate ARTICLE TEXT [--kind K] [--paragraph N]`.
struct AnnotateCommand: BulletinCommand {
    static let configuration = CommandConfiguration(
        commandName: "annotate", abstract: "Annotate an article; prints the annotation's id.")

    @OptionGroup var store: StoreOption
    @Argument(help: "DATE/N, an article id or a unique id prefix.") var article: String
    @Argument(help: "The note.") var text: String
    @Option(help: "comment (default), correction, fact-check or sign-off.") var kind: String?
    @Option(help: "Anchor to this paragraph, counting from 1.") var paragraph: Int?

    func output(using cli: BulletinCLI) throws -> String {
        try cli.annotate(store: store.store, article: article, text: text, kind: kind, paragraph: paragraph)
    }
}
