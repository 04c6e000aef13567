import ArgumentParser
import SyncClient

/// A command that talks to the network and writes as it goes (e.g. `bulletin sync --watch`).
protocol StreamingBulletinCommand: ParsableCommand {
    /// Runs the command, writing through `output`.
    func run(using cli: BulletinCLI, output: CommandOutput) async throws
}

extension StreamingBulletinCommand {
    /// Never used: ``BulletinEntry/run(_:cli:output:)`` runs streaming commands.
    mutating func run() throws {
        throw CleanExit.message("run through BulletinEntry")
    }
}

extension BulletinEntry {
    /// Parses and runs a command line in-process, writing standard output through `output` as it goes;
    /// returns what went to standard error and the exit status.
    static func run(_ arguments: [String], cli: BulletinCLI, output: CommandOutput) async -> CommandResult {
        let moved = StoreOption.movedAfterCommand(arguments)
        guard let parsed = try? Bulletin.parseAsRoot(moved), let command = parsed as? any StreamingBulletinCommand
        else {
            let result = run(arguments, cli: cli)
            output.write(result.standardOutput)
            return CommandResult(standardError: result.standardError, status: result.status)
        }
        do {
            try await command.run(using: cli, output: output)
            return CommandResult()
        } catch is CancellationError {
            return CommandResult(status: ExitStatus.interrupted)
        } catch {
            return CommandResult(standardError: "error: \(describe(error))\n", status: ExitStatus.of(error))
        }
    }
}
