import ArgumentParser
import BulletinCore
import Foundation
import GRDB
import SyncClient

/// What one run of `bulletin` printed and its exit status.
struct CommandResult: Sendable, Hashable {
    var standardOutput = ""
    var standardError = ""
    var status: Int32 = 0
}

/// Parses a command line and runs it, in-process: the whole `bulletin` executable minus the actual printing.
enum BulletinEntry {
    /// Runs `arguments` (without the program name) against `cli`.
    static func run(_ arguments: [String], cli: BulletinCLI) -> CommandResult {
        let arguments = StoreOption.movedAfterCommand(arguments)
        do {
            var parsed = try Bulletin.parseAsRoot(arguments)
            guard let command = parsed as? any BulletinCommand else {
                // `--help`, `help`, or a command group without its subcommand: ArgumentParser's own `run()` throws
                // the help request that is rendered below.
                try parsed.run()
                return CommandResult()
            }
            do {
                return CommandResult(standardOutput: try command.output(using: cli))
            } catch {
                return CommandResult(standardError: "error: \(describe(error))\n", status: ExitStatus.of(error))
            }
        } catch {
            let code = Bulletin.exitCode(for: error)
            if code == .success {
                return CommandResult(standardOutput: Bulletin.fullMessage(for: error) + "\n")
            }
            let hint = "see `\(helpPath(arguments).joined(separator: " ")) --help`"
            return CommandResult(
                standardError: "error: \(oneLine(Bulletin.message(for: error))) (\(hint))\n",
                status: code.rawValue)
        }
    }

    /// One line for any error a command can throw; an error of the connection is said as the ``SyncError`` it
    /// stands for, never as NIO's own words.
    static func describe(_ error: any Error) -> String {
        if let error = SyncError(transportError: error) { return oneLine(error.description) }
        switch error {
        case let error as StoreError: return oneLine(error.description)
        case let error as CommandError: return oneLine(error.description)
        case let error as DatabaseError:
            return oneLine("the store failed: \(error.message ?? "SQLite error \(error.resultCode)")")
        case let error as any CustomStringConvertible: return oneLine(error.description)
        default: return oneLine(String(describing: error))
        }
    }

    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    /// `bulletin`, then as many leading arguments as name (sub)commands: where `--help` would help.
    private static func helpPath(_ arguments: [String]) -> [String] {
        var path = ["bulletin"]
        var command: any ParsableCommand.Type = Bulletin.self
        for argument in arguments {
            guard
                let next = command.configuration.subcommands.first(where: {
                    $0.configuration.commandName == argument
                })
            else { break }
            path.append(argument)
            command = next
        }
        return path
    }
}

/// A leaf command: parses its arguments and, over SyncClient's operations, makes what it prints.
protocol BulletinCommand: ParsableCommand {
    /// What the command prints on standard output.
    func output(using cli: BulletinCLI) throws -> String
}

extension BulletinCommand {
    /// Runs the command for real (used only if ArgumentParser's own entry point runs it).
    mutating func run() throws {
        print(try output(using: BulletinCLI(context: .live)), terminator: "")
    }
}
