import ArgumentParser
import Foundation
import SyncProtocol
import SyncServer

/// `bulletin-server key`: the publication signing key.
struct KeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key",
        abstract: "The key that signs publications for field offices.",
        subcommands: [Show.self])

    /// `key show`: prints the public key (base64) that field offices pin with `bulletin init --server-key`.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the public key (base64) for `bulletin init --role field-office --server-key`.")

        @Option(name: .customLong("data"), help: "The server's data directory (the key is made there if missing).")
        var dataDirectory = "./data"

        @Flag(help: "Also print the key id on a second line.")
        var verbose = false

        func run() async throws {
            try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
            let key = try PublicationKeyFile.loadOrCreate(directory: dataDirectory).publicKey
            print(key.base64)
            if verbose { print("key id: \(key.keyID)") }
        }
    }
}
