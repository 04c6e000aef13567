import Foundation

@testable import bulletin

/// Runs `bulletin` command lines in-process, as the executable would (parsing included).
struct BulletinCommandLine: Sendable {
    let context: CommandContext

    init(environment: [String: String] = [:], colours: Bool = false) {
        context = CommandContext(environment: environment, readStandardInput: { Data() }, colours: colours)
    }

    /// Runs one command line (without the program name).
    func run(_ arguments: String...) -> CommandResult {
        run(arguments)
    }

    /// Runs one command line (without the program name).
    func run(_ arguments: [String]) -> CommandResult {
        BulletinEntry.run(arguments, cli: BulletinCLI(context: context))
    }

    /// Runs a command that must succeed and returns what it printed.
    func output(_ arguments: String...) throws -> String {
        try output(arguments)
    }

    /// Runs a command that must succeed and returns what it printed.
    func output(_ arguments: [String]) throws -> String {
        let result = BulletinEntry.run(arguments, cli: BulletinCLI(context: context))
        guard result.status == 0 else { throw CommandFailed(arguments: arguments, result: result) }
        return result.standardOutput
    }

    /// Runs a command that may stream (`sync`, `pull`) and must succeed; returns what it printed.
    func streamed(_ arguments: String...) async throws -> String {
        let printed = PrintedText()
        let result = await BulletinEntry.run(
            arguments, cli: BulletinCLI(context: context),
            output: CommandOutput(write: { printed.append($0) }))
        guard result.status == 0 else { throw CommandFailed(arguments: arguments, result: result) }
        return printed.text
    }
}

/// A command line that failed.
struct CommandFailed: Error, CustomStringConvertible {
    var arguments: [String]
    var result: CommandResult

    var description: String {
        "`bulletin \(arguments.joined(separator: " "))` exited \(result.status): \(result.standardError)"
    }
}

/// Text appended from any thread.
final class PrintedText: @unchecked Sendable {
    private let lock = NSLock()
    private var value = ""

    var text: String { lock.withLock { value } }

    func append(_ more: String) {
        lock.withLock { value += more }
    }
}
