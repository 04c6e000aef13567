import BulletinCore
import Foundation

extension BulletinCLI {
    /// `bulletin issues [--json]`: every issue with its counts, newest first.
    public func issues(store: String?, json: Bool) throws -> String {
        let summaries = try openStore(store).issueSummaries()
        if json { return try self.json(summaries) }
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

    /// `bulletin show ISSUE [--json]`: the whole issue, articles with open conflicts marked (see ``IssueJSON``).
    public func show(store: String?, issue reference: String, json: Bool) throws -> String {
        let local = try openStore(store)
        let issue = try local.issue(reference)
        let conflicts = try local.openConflicts(ofIssue: issue.id)
        guard json else { return IssueText.render(issue, conflicts: conflicts) }
        return try IssueJSON.render(issue, conflicts: conflicts)
    }

    /// `bulletin issue new --date YYYY-MM-DD`: prints the new issue's id.
    public func newIssue(store: String?, date: String) throws -> String {
        try openStore(store).createIssue(date: date).id + "\n"
    }

    /// `bulletin section add ISSUE TITLE`: prints the section's number and id.
    public func addSection(store: String?, issue: String, title: String) throws -> String {
        let section = try openStore(store).addSection(issue: issue, title: title)
        return "\(section.number) \(section.id)\n"
    }

    /// `bulletin state ISSUE STATE`: moves the issue forward.
    public func setState(store: String?, issue: String, state: String) throws -> String {
        guard let target = PublicationState(rawValue: state.lowercased()) else {
            throw CommandError.invalidValue(option: "state", value: state,
                                            allowed: PublicationState.allCases.map(\.rawValue))
        }
        let change = try openStore(store).setState(issue: issue, to: target)
        return "\(change.issue.date): \(change.from.rawValue) → \(change.to.rawValue)\n"
    }
}
