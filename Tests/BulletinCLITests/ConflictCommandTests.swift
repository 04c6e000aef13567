import Foundation
import SyncClient
import Testing

@testable import bulletin

/// The conflict commands' parsing and their answers on a store without conflicts (conflicts themselves come from a
/// server: see the end-to-end tests).
@Suite struct ConflictCommandTests {
    @Test func aStoreWithoutConflictsSaysSoInTextAndJSON() throws {
        let cli = try CLIHarness()
        try cli.seed()
        #expect(try cli.output("conflicts") == "no open conflicts\n")
        #expect(try cli.output("conflicts", "list", "--all") == "no conflicts\n")
        #expect(try cli.json("conflicts", "--json") as? [Any] != nil)
        let status = try #require(try cli.json("status", "--json") as? [String: Any])
        #expect(status["open_conflicts"] as? Int == 0)
        // Without open conflicts `show --json` is the plain structured issue, as `export --format json` has it.
        #expect(
            try cli.output("show", "2024-09-05", "--json")
                == (try cli.output("export", "2024-09-05", "--format", "json")))
    }

    @Test func resolveNeedsExactlyOneChoiceAndAKnownConflict() throws {
        let cli = try CLIHarness()
        try cli.seed()
        let both = cli.run("resolve", "0123abcd", "--take", "mine", "--file", "x.txt")
        #expect(both.status == 1)
        #expect(both.standardError.contains("exactly one of --take mine|theirs and --file F"))
        let neither = cli.run("resolve", "0123abcd")
        #expect(neither.status == 1)
        let side = cli.run("resolve", "0123abcd", "--take", "ours")
        #expect(side.standardError.contains("'ours' is not a valid --take"))
        let unknown = cli.run("resolve", "0123abcd", "--take", "mine")
        #expect(unknown.standardError.contains("no conflict matches '0123abcd'"))
        let show = cli.run("conflicts", "show", "not-an-id")
        #expect(show.status == 1)
        #expect(show.standardError.contains("no conflict matches"))
    }
}
