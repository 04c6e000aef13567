import Foundation
import SyncClient

/// What the commands need from the outside world, so that tests can run them in-process.
struct CommandContext: Sendable {
    /// Environment variables (`BULLETIN_STORE`, `XDG_DATA_HOME`, `HOME`, `EDITOR`, `USER`).
    var environment: [String: String]
    /// Reads all of standard input (for `--body-file -`).
    var readStandardInput: @Sendable () throws -> Data
    /// Runs the editor command on a file and returns its exit status.
    var runEditor: @Sendable (_ command: String, _ file: String) throws -> Int32
    /// Time and id hooks of the store.
    var storeOptions: LocalStoreOptions
    /// Whether output may use ANSI colours (standard output is a terminal and `NO_COLOR` is not set).
    var colours: Bool
    /// The login name of the user running the command, from the system's user database (not `$USER`).
    var loginName: @Sendable () -> String?

    /// Creates a context.
    init(
        environment: [String: String],
        readStandardInput: @escaping @Sendable () throws -> Data,
        runEditor: @escaping @Sendable (_ command: String, _ file: String) throws -> Int32 = CommandContext.shellEditor,
        storeOptions: LocalStoreOptions = LocalStoreOptions(),
        colours: Bool = false,
        loginName: @escaping @Sendable () -> String? = CommandContext.systemLoginName
    ) {
        self.environment = environment
        self.readStandardInput = readStandardInput
        self.runEditor = runEditor
        self.storeOptions = storeOptions
        self.colours = colours
        self.loginName = loginName
    }

    /// The real process environment, standard input and terminal editor.
    static var live: CommandContext {
        let environment = ProcessInfo.processInfo.environment
        return CommandContext(
            environment: environment,
            readStandardInput: { FileHandle.standardInput.readDataToEndOfFile() },
            colours: isatty(STDOUT_FILENO) == 1 && environment["NO_COLOR"] == nil)
    }

    /// Runs `command` through `/bin/sh` with the file as its last argument, so `EDITOR="code --wait"` works; the
    /// editor shares this process's terminal.
    static let shellEditor: @Sendable (String, String) throws -> Int32 = { command, file in
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "\(command) \"$1\"", "sh", file]
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// The name of the account this process runs as, from `getpwuid(getuid())` (works where `$USER` is unset:
    /// cron, containers, `sudo -u`).
    static let systemLoginName: @Sendable () -> String? = {
        guard let entry = getpwuid(getuid()), let name = entry.pointee.pw_name else { return nil }
        let text = String(cString: name)
        return text.isEmpty ? nil : text
    }
}
