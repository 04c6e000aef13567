import ArgumentParser

/// `bulletin section …`.
struct SectionGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "section", abstract: "Add sections.", subcommands: [AddSectionCommand.self])
}
