import ArgumentParser
import BulletinCore
import SyncClient

/// `bulletin issues [--json]`: every issue with its counts, newest first.
struct IssuesCommand: BulletinCommand {
    static let configuration = CommandConfiguration(
        commandName: "issues", abstract: "List issues: date, state, sections, articles, pending changes.")

    @OptionGroup var store: StoreOption
    @Flag(help: "Print JSON.") var json = false

    func output(using cli: BulletinCLI) throws -> String {
        let summaries = try cli.openStore(store.store).issueSummaries()
        if json { return try cli.json(summaries) }
        guard !summaries.isEmpty else {
            return "no issues yet; create one with `bulletin issue new --date YYYY-MM-DD`\n"
        }
        let rows = summaries.map { summary in
            [summary.date, summary.state.rawValue, String(summary.sections), String(summary.articles),
             String(summary.pending), summary.id]
        }
        return TextTable.render(
            header: ["DATE", "STATE", "SECTIONS", "ARTICLES", "PENDING", "ID"], rows: rows,
            rightAligned: [2, 3, 4])
    }
}

/// `bulletin show ISSUE [--json]`: the whole issue, articles with open conflicts marked (see ``IssueJSON``).
struct ShowCommand: BulletinCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show an issue with its sections, articles and annotations.")

    @OptionGroup var store: StoreOption
    @Argument(help: "An issue id, a unique id prefix or a date YYYY-MM-DD.") var issue: String
    @Flag(help: "Print the structured issue as JSON.") var json = false

    func output(using cli: BulletinCLI) throws -> String {
        let local = try cli.openStore(store.store)
        let found = try local.issue(issue)
        let conflicts = try local.openConflicts(ofIssue: found.id)
        guard json else { return IssueText.render(found, conflicts: conflicts) }
        return try IssueJSON.render(found, conflicts: conflicts)
    }
}

/// `bulletin issue …`.
struct IssueGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "issue", abstract: "Create issues.", subcommands: [NewIssueCommand.self])
}

/// `bulletin issue new --date YYYY-MM-DD`: prints the new issue's id.
struct NewIssueCommand: BulletinCommand {
    static let configuration = CommandConfiguration(
        commandName: "new", abstract: "Create a draft issue with the standard header; prints its id.")

    @OptionGroup var store: StoreOption
    @Option(help: "The issue's date, YYYY-MM-DD.") var date: String

    func output(using cli: BulletinCLI) throws -> String {
        try cli.openStore(store.store).createIssue(date: date).id + "\n"
    }
}

/// `bulletin section …`.
struct SectionGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "section", abstract: "Add sections.", subcommands: [AddSectionCommand.self])
}

/// `bulletin section add ISSUE TITLE`: prints the section's number and id.
struct AddSectionCommand: BulletinCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Append a section to an issue; prints its number and id.")

    @OptionGroup var store: StoreOption
    @Argument(help: "An issue id, a unique id prefix or a date YYYY-MM-DD.") var issue: String
    @Argument(help: "The section title, e.g. \"CẢI CÁCH ĐỊA PHƯƠNG\".") var title: String

    func output(using cli: BulletinCLI) throws -> String {
        let section = try cli.openStore(store.store).addSection(issue: issue, title: title)
        return "\(section.number) \(section.id)\n"
    }
}

/// `bulletin state ISSUE STATE`: moves the issue forward.
struct StateCommand: BulletinCommand {
    static let configuration = CommandConfiguration(
        commandName: "state",
        abstract: "Move an issue forward: draft → review → approved → published → retracted.")

    @OptionGroup var store: StoreOption
    @Argument(help: "An issue id, a unique id prefix or a date YYYY-MM-DD.") var issue: String
    @Argument(help: "review, approved, published or retracted (only forward).") var state: String

    func output(using cli: BulletinCLI) throws -> String {
        guard let target = PublicationState(rawValue: state.lowercased()) else {
            throw CommandError.invalidValue(option: "state", value: state,
                                            allowed: PublicationState.allCases.map(\.rawValue))
        }
        let change = try cli.openStore(store.store).setState(issue: issue, to: target)
        return "\(change.issue.date): \(change.from.rawValue) → \(change.to.rawValue)\n"
    }
}
