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

        @OptionGroup var store: StoreOptions

        @Flag(help: "Also print the key id on a second line.")
        var verbose = false

        func run() async throws {
            let key: PublicationPublicKey
            if store.databaseURL != nil {
                // Every node of a PostgreSQL store signs with the key kept in the database.
                let opened = try await store.open()
                defer { try? opened.close() }
                key = opened.publicationKey
            } else {
                // The key is made in the data directory if missing, without opening the database.
                try FileManager.default.createDirectory(atPath: store.dataDirectory, withIntermediateDirectories: true)
                key = try PublicationKeyFile.loadOrCreate(directory: store.dataDirectory).publicKey
            }
            print(key.base64)
            if verbose { print("key id: \(key.keyID)") }
        }
    }
}
