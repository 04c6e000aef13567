import BulletinCore
import Foundation

/// The logic of every `bulletin` command: each method takes the parsed arguments and returns what the command
/// prints on standard output. The executable only parses arguments and prints; tests call these in-process.
public struct BulletinCLI: Sendable {
    /// The outside world.
    public var context: CommandContext

    /// Creates the commands over a context.
    public init(context: CommandContext) {
        self.context = context
    }

    /// The store path for a `--store` value.
    func storePath(_ explicit: String?) throws -> String {
        try StoreLocation.path(explicit: explicit, environment: context.environment)
    }

    /// Opens the existing store; `concurrentReads` for long-running commands whose reads should not wait for
    /// their writes (sync).
    func openStore(_ explicit: String?, concurrentReads: Bool = false) throws -> LocalStore {
        var options = context.storeOptions
        options.concurrentReads = concurrentReads
        return try LocalStore.open(at: try storePath(explicit), options: options)
    }

    /// Pretty, sorted, snake_case JSON followed by a newline.
    func json<Value: Encodable>(_ value: Value) throws -> String {
        String(decoding: try BulletinJSON.encoder(pretty: true).encode(value), as: UTF8.self) + "\n"
    }

    /// Reads a body file, or standard input for `-`, as paragraphs.
    func readBody(_ file: String) throws -> [String] {
        let data: Data
        if file == "-" {
            data = try context.readStandardInput()
        } else {
            data = try readFile(file)
        }
        guard let text = String(data: data, encoding: .utf8) else { throw CommandError.notText(path: file) }
        return BodyText.paragraphs(text)
    }

    /// The bytes of a file, with a clear error.
    func readFile(_ path: String) throws -> Data {
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let reason = FileManager.default.fileExists(atPath: path)
                ? "permission denied or not a file" : "no such file"
            throw CommandError.cannotRead(path: path, reason: reason)
        }
    }

    /// `bulletin init [--editor NAME]`: creates the store. The editor defaults to `$USER`.
    public func initStore(store: String?, editor: String?) throws -> String {
        let path = try storePath(store)
        guard let name = editor ?? context.environment["USER"], !name.isEmpty else {
            throw CommandError.invalidArgument("pass --editor NAME (the name your changes are signed with)")
        }
        let created = try LocalStore.create(at: path, editor: name, options: context.storeOptions)
        let info = try created.replicaInfo()
        return "created store \(path) for editor \(info.editor) (client \(info.clientID))\n"
    }
}
