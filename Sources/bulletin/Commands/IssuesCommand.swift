import ArgumentParser
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
            [
                summary.date, summary.state.rawValue, String(summary.sections), String(summary.articles),
                String(summary.pending), summary.id,
            ]
        }
        return TextTable.render(
            header: ["DATE", "STATE", "SECTIONS", "ARTICLES", "PENDING", "ID"], rows: rows,
            rightAligned: [2, 3, 4])
    }
}
