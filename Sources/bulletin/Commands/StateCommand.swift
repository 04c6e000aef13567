import ArgumentParser
import BulletinCore
import SyncClient

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
            throw CommandError.invalidValue(
                option: "state", value: state,
                allowed: PublicationState.allCases.map(\.rawValue))
        }
        let change = try cli.openStore(store.store).setState(issue: issue, to: target)
        return "\(change.issue.date): \(change.from.rawValue) → \(change.to.rawValue)\n"
    }
}
