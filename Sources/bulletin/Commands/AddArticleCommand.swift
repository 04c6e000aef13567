import ArgumentParser
import BulletinFormat
import SyncClient

/// `bulletin article add ISSUE --section N --title T [--body-file F|-] [--source "Outlet dd/m, Author"]`: prints
/// `DATE/N ID`.
struct AddArticleCommand: BulletinCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Append an article to a section; prints DATE/N and its id.")

    @OptionGroup var store: StoreOption
    @Argument(help: "An issue id, a unique id prefix or a date YYYY-MM-DD.") var issue: String
    @Option(help: "The section's number in the issue, from 1.") var section: Int
    @Option(help: "The article's title.") var title: String
    @Option(
        help: ArgumentHelp(
            "A text file of paragraphs separated by blank lines; - reads standard input.",
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
