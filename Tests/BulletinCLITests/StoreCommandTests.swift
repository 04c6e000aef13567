import Foundation
import SyncClient
import Testing

@testable import bulletin

@Suite struct StoreCommandTests {
    @Test func initCreatesTheStoreOnceAndNamesTheEditor() throws {
        let cli = try CLIHarness()
        let created = try cli.output("init", "--editor", "Thanh Hồng")
        #expect(created.hasPrefix("created store \(cli.store) for editor Thanh Hồng (client "))
        #expect(FileManager.default.fileExists(atPath: cli.store))
        let again = cli.run("init", "--editor", "Minh Quân")
        #expect(again.status == 1)
        #expect(again.standardError == "error: a store already exists at \(cli.store)\n")
        let status = try #require(try cli.json("status", "--json") as? [String: Any])
        #expect(status["editor"] as? String == "Thanh Hồng")
    }

    @Test func theEditorDefaultsToTheLoginName() throws {
        let cli = try CLIHarness()
        cli.environment["USER"] = "hong"
        _ = try cli.output("init")
        let status = try #require(try cli.json("status", "--json") as? [String: Any])
        #expect(status["editor"] as? String == "hong")
    }

    @Test func aMissingStoreIsOneClearErrorAndIsNotCreated() throws {
        let cli = try CLIHarness()
        for arguments in [["issues"], ["show", "2024-09-05"], ["search", "cai"], ["status", "--json"], ["log"]] {
            let result = cli.run(arguments)
            #expect(result.status == 1)
            #expect(result.standardOutput.isEmpty)
            #expect(result.standardError.hasPrefix("error: no store at \(cli.store); run `bulletin init` first"))
            #expect(result.standardError.filter { $0 == "\n" }.count == 1)
        }
        #expect(!FileManager.default.fileExists(atPath: cli.store))
    }

    @Test func theStoreOptionWinsOverTheEnvironment() throws {
        let cli = try CLIHarness()
        let other = cli.directory.appendingPathComponent("other.sqlite").path
        _ = try cli.output("init", "--editor", "A", "--store", other)
        #expect(FileManager.default.fileExists(atPath: other))
        #expect(!FileManager.default.fileExists(atPath: cli.store))
        #expect(try cli.output("issues", "--store", other).hasPrefix("no issues yet"))
    }

    @Test func storeLocationFollowsBulletinStoreThenXDGThenHome() throws {
        #expect(try StoreLocation.path(explicit: "/x/s.sqlite", environment: ["BULLETIN_STORE": "/y"]) == "/x/s.sqlite")
        #expect(try StoreLocation.path(explicit: nil, environment: ["BULLETIN_STORE": "/y", "HOME": "/h"]) == "/y")
        #expect(
            try StoreLocation.path(explicit: nil, environment: ["XDG_DATA_HOME": "/d", "HOME": "/h"])
                == "/d/bulletin/store.sqlite")
        #expect(
            try StoreLocation.path(explicit: nil, environment: ["HOME": "/h"])
                == "/h/.local/share/bulletin/store.sqlite")
        #expect(throws: CommandError.noStoreLocation) { try StoreLocation.path(explicit: nil, environment: [:]) }
    }

    @Test func usageErrorsAreOneLineWithAHint() throws {
        let cli = try CLIHarness()
        let result = cli.run("show")
        #expect(result.status != 0)
        #expect(result.standardError == "error: Missing expected argument '<issue>' (see `bulletin show --help`)\n")
        let help = cli.run("article", "add", "--help")
        #expect(help.status == 0)
        #expect(help.standardOutput.contains("--body-file"))
    }
}
