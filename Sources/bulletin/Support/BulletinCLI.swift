import BulletinCore
import Foundation
import SyncClient

/// What every command works with: the outside world (``CommandContext``) and the few things all of them do with it
/// — find and open the store, read files, print JSON. Each command's own logic is in its command type
/// (`Commands/`), over SyncClient's operations.
struct BulletinCLI: Sendable {
    /// The outside world.
    var context: CommandContext

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
        BodyText.paragraphs(try readText(file))
    }

    /// The UTF-8 text of a file, or of standard input for `-`.
    func readText(_ file: String) throws -> String {
        let data = file == "-" ? try context.readStandardInput() : try readFile(file)
        guard let text = String(data: data, encoding: .utf8) else { throw CommandError.notText(path: file) }
        return text
    }

    /// The bytes of a file, with a clear error.
    func readFile(_ path: String) throws -> Data {
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let reason =
                FileManager.default.fileExists(atPath: path)
                ? "permission denied or not a file" : "no such file"
            throw CommandError.cannotRead(path: path, reason: reason)
        }
    }
}
