import ArgumentParser
import SyncClient

/// `bulletin issues [--json]`.
struct IssuesCommand: BulletinCommand {
    static let configuration = CommandConfiguration(
        commandName: "issues", abstract: "List issues: date, state, sections, articles, pending changes.")

    @OptionGroup var store: StoreOption
    @Flag(help: "Print JSON.") var json = false

    func output(using cli: BulletinCLI) throws -> String {
        try cli.issues(store: store.store, json: json)
    }
}

/// `bulletin show ISSUE [--json]`.
struct ShowCommand: BulletinCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show an issue with its sections, articles and annotations.")

    @OptionGroup var store: StoreOption
    @Argument(help: "An issue id, a unique id prefix or a date YYYY-MM-DD.") var issue: String
    @Flag(help: "Print the structured issue as JSON.") var json = false

    func output(using cli: BulletinCLI) throws -> String {
        try cli.show(store: store.store, issue: issue, json: json)
    }
}

/// `bulletin issue …`.
struct IssueGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "issue", abstract: "Create issues.", subcommands: [NewIssueCommand.self])
}

/// `bulletin issue new --date YYYY-MM-DD`.
struct NewIssueCommand: BulletinCommand {
    static let configuration = CommandConfiguration(
        commandName: "new", abstract: "Create a draft issue with the standard header; prints its id.")

    @OptionGroup var store: StoreOption
    @Option(help: "The issue's date, YYYY-MM-DD.") var date: String

    func output(using cli: BulletinCLI) throws -> String {
        try cli.newIssue(store: store.store, date: date)
    }
}

/// `bulletin section add ISSUE TITLE`.
struct SectionGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "section", abstract: "Add sections.", subcommands: [AddSectionCommand.self])
}

/// `bulletin section add ISSUE TITLE`.
struct AddSectionCommand: BulletinCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Append a section to an issue; prints its number and id.")

    @OptionGroup var store: StoreOption
    @Argument(help: "An issue id, a unique id prefix or a date YYYY-MM-DD.") var issue: String
    @Argument(help: "The section title, e.g. \"CẢI CÁCH ĐỊA PHƯƠNG\".") var title: String

    func output(using cli: BulletinCLI) throws -> String {
        try cli.addSection(store: store.store, issue: issue, title: title)
    }
}

/// `bulletin state ISSUE STATE`.
struct StateCommand: BulletinCommand {
    static let configuration = CommandConfiguration(
        commandName: "state",
        abstract: "Move an issue forward: draft → review → approved → published → retracted.")

    @OptionGroup var store: StoreOption
    @Argument(help: "An issue id, a unique id prefix or a date YYYY-MM-DD.") var issue: String
    @Argument(help: "review, approved, published or retracted (only forward).") var state: String

    func output(using cli: BulletinCLI) throws -> String {
        try cli.setState(store: store.store, issue: issue, state: state)
    }
}
