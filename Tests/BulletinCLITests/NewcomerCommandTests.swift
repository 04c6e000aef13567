import Foundation
import SyncClient
import Testing

@testable import bulletin

/// The command line as a newcomer meets it (issue 11, item 10).
@Suite struct NewcomerCommandTests {
    @Test func storeMayComeBeforeTheCommand() throws {
        let cli = try CLIHarness()
        try cli.seed()
        let other = cli.directory.appendingPathComponent("other.sqlite").path
        _ = try cli.output("--store", other, "init", "--editor", "Minh Quân")
        #expect(FileManager.default.fileExists(atPath: other))
        // The default store (BULLETIN_STORE) has an issue; the other one none.
        #expect(try cli.output("--store", other, "issues").hasPrefix("no issues yet"))
        #expect(try cli.output("--store=\(other)", "issues").hasPrefix("no issues yet"))
        #expect(try cli.output("issues").contains("2024-09-05"))
        let status = try #require(try cli.json("--store", other, "status", "--json") as? [String: Any])
        #expect(status["editor"] as? String == "Minh Quân")
        // A group's default subcommand and a nested subcommand take it too.
        #expect(try cli.output("--store", other, "conflicts") == "no open conflicts\n")
        #expect(try cli.output("--store", other, "conflicts", "--all") == "no conflicts\n")
        let show = cli.run("--store", other, "conflicts", "show", "zz")
        #expect(show.status == 1)
        #expect(show.standardError.contains("no conflict matches 'zz'"))
        _ = try cli.output("--store", other, "issue", "new", "--date", "2024-09-06")
        #expect(try cli.output("issues", "--store", other).contains("2024-09-06"))
    }

    @Test func initWithoutEditorOrUserTakesTheLoginNameAndSaysSo() throws {
        let cli = try CLIHarness()
        cli.environment["USER"] = nil
        let context = CommandContext(
            environment: cli.environment, readStandardInput: { Data() },
            loginName: { "phong.vien" })
        let result = BulletinEntry.run(["init"], cli: BulletinCLI(context: context))
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("for editor phong.vien"))
        #expect(result.standardOutput.contains("your login name ($USER is not set)"))
        #expect(try LocalStore.open(at: cli.store).replicaInfo().editor == "phong.vien")
    }

    @Test func userStillWinsOverTheLoginNameAndSaysNothingMore() throws {
        let cli = try CLIHarness()
        cli.environment["USER"] = "hong"
        let context = CommandContext(
            environment: cli.environment, readStandardInput: { Data() },
            loginName: { "phong.vien" })
        let output = BulletinEntry.run(["init"], cli: BulletinCLI(context: context)).standardOutput
        #expect(output.contains("for editor hong"))
        #expect(!output.contains("login name"))
    }

    @Test func theSystemKnowsTheLoginNameOfThisProcess() throws {
        let name = try #require(CommandContext.systemLoginName())
        #expect(!name.isEmpty)
        let whoami = Process()
        whoami.executableURL = URL(fileURLWithPath: "/usr/bin/id")
        whoami.arguments = ["-un"]
        let pipe = Pipe()
        whoami.standardOutput = pipe
        try whoami.run()
        whoami.waitUntilExit()
        let expected = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(name == expected)
    }

    @Test func withoutAnyNameInitAsksForOne() throws {
        let cli = try CLIHarness()
        cli.environment["USER"] = nil
        let context = CommandContext(environment: cli.environment, readStandardInput: { Data() }, loginName: { nil })
        let result = BulletinEntry.run(["init"], cli: BulletinCLI(context: context))
        #expect(result.status == 1)
        #expect(result.standardError == "error: pass --editor NAME (the name your changes are signed with)\n")
    }
}
