import ArgumentParser

/// `bulletin article …`.
struct ArticleGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "article", abstract: "Add, edit and remove articles.",
        subcommands: [AddArticleCommand.self, EditArticleCommand.self, RemoveArticleCommand.self])
}
