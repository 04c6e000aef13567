import ArgumentParser
import SyncClient

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
