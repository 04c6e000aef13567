import ArgumentParser

/// The root of `bulletin`: an editor's offline bulletin store, from the command line.
struct Bulletin: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bulletin",
        abstract: "Edit the bulletin offline: issues, sections, articles, annotations, search, import/export, sync, "
            + "conflicts.",
        subcommands: [
            InitCommand.self, ImportCommand.self, IssuesCommand.self, ShowCommand.self, IssueGroup.self,
            SectionGroup.self, ArticleGroup.self, AnnotateCommand.self, StateCommand.self, ExportCommand.self,
            SearchCommand.self, LogCommand.self, StatusCommand.self, SyncCommand.self, PullCommand.self,
            LoginCommand.self, VerifyCommand.self, ConflictsGroup.self, ResolveCommand.self, UICommand.self,
        ])
}
