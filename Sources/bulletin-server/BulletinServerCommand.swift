import ArgumentParser

/// `bulletin-server`: the BulletinSync server's command line.
@main
struct BulletinServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bulletin-server",
        abstract: "The BulletinSync server: keeps the shared change log and serves editors' sync over TCP.",
        subcommands: [
            ServeCommand.self, UserCommand.self, KeyCommand.self, BackupCommand.self, RestoreCommand.self,
            RestoredCommand.self,
        ])
}
