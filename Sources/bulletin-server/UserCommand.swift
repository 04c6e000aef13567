import ArgumentParser
import BulletinCore
import Foundation
import SyncServer

/// `bulletin-server user`: manages the accounts that may connect.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Manage accounts: add (prints the token once), list, revoke.",
        subcommands: [Add.self, List.self, Revoke.self])

    /// `user add NAME --role R`: makes an account and prints its token once.
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make an account and print its secret token (shown only this once).")

        @Argument(help: "The account name (unique, never reused).")
        var name: String

        @Option(help: "editor, chief, field-office or admin.")
        var role: Role

        @OptionGroup var store: StoreOptions

        func run() async throws {
            let store = try await self.store.open()
            defer { try? store.close() }
            let token = try await store.addAccount(name: name, role: role)
            print(token)
            FileHandle.standardError.write(
                Data(
                    """
                    account '\(name)' (\(role)) made; the token above is shown only once: give it to its holder, who \
                    runs `bulletin login --token TOKEN` (or passes --token to `bulletin init`)

                    """.utf8))
        }
    }

    /// `user list [--json]`: every account, without tokens.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the accounts (never their tokens).")

        @OptionGroup var store: StoreOptions

        @Flag(help: "Print JSON: an array of {name, role, created, revoked, last_synced}.")
        var json = false

        func run() async throws {
            let store = try await self.store.open()
            defer { try? store.close() }
            let accounts = try await store.accounts()
            if json {
                let rows = accounts.map {
                    AccountListing(
                        name: $0.name, role: $0.role.rawValue, created: $0.createdAt, revoked: $0.revokedAt,
                        lastSynced: $0.lastSyncedAt)
                }
                print(String(decoding: try BulletinJSON.encoder(pretty: true).encode(rows), as: UTF8.self))
                return
            }
            let header = ["NAME", "ROLE", "CREATED", "REVOKED", "LAST SYNCED"]
            let rows = accounts.map {
                [$0.name, $0.role.rawValue, $0.createdAt, $0.revokedAt ?? "-", $0.lastSyncedAt ?? "never"]
            }
            let widths = header.indices.map { column in
                ([header] + rows).map { $0[column].count }.max() ?? 0
            }
            for row in [header] + rows {
                let cells = row.enumerated().map { column, text in
                    text.padding(toLength: widths[column], withPad: " ", startingAt: 0)
                }
                print(cells.joined(separator: "  ").trimmingCharacters(in: .whitespaces))
            }
        }
    }

    /// `user revoke NAME`: the token stops working at once and open sessions are closed.
    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Revoke an account: its token stops working and a running server closes its sessions.")

        @Argument(help: "The account name.")
        var name: String

        @OptionGroup var store: StoreOptions

        func run() async throws {
            let store = try await self.store.open()
            defer { try? store.close() }
            if try await store.revokeAccount(name: name) {
                print("revoked '\(name)'; a running server closes its open sessions within a second")
            } else {
                print("'\(name)' was already revoked")
            }
        }
    }
}

/// One line of `user list --json`.
struct AccountListing: Encodable {
    let name: String
    let role: String
    let created: String
    let revoked: String?
    let lastSynced: String?

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(role, forKey: .role)
        try container.encode(created, forKey: .created)
        // Always present: null while the account is active.
        try container.encode(revoked, forKey: .revoked)
        try container.encode(lastSynced, forKey: .lastSynced)
    }

    enum CodingKeys: String, CodingKey {
        case name, role, created, revoked
        case lastSynced = "last_synced"
    }
}

extension Role: ExpressibleByArgument {}
