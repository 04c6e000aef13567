import BulletinCore
import Foundation

extension ServerStore {
    /// Makes an account and returns its token, which is shown once and stored only as a hash.
    ///
    /// - Throws: ``AccountError/invalidName(_:)`` for an unusable name, ``AccountError/exists(_:)`` when the name is
    ///   taken (also by a revoked account: names are never reused).
    public func addAccount(name: String, role: Role) async throws -> String {
        let name = try AccountName.validated(name)
        let token = AccountToken.generate()
        let account = Account(
            name: name, role: role, tokenHash: AccountToken.hashText(token), createdAt: ServerClock.nowText(),
            revokedAt: nil)
        try await backend.write(appending: false) { store in
            guard try store.account(named: name) == nil else { throw AccountError.exists(name) }
            try store.insert(account)
        }
        return token
    }

    /// Every account, oldest first.
    public func accounts() async throws -> [Account] {
        try await backend.read { try $0.accounts() }
    }

    /// Revokes an account: its token no longer authenticates, and a running server closes its open sessions.
    ///
    /// - Returns: `false` when the account had already been revoked (nothing changed).
    /// - Throws: ``AccountError/notFound(_:)`` when there is no such account.
    @discardableResult
    public func revokeAccount(name: String) async throws -> Bool {
        let name = TextNormalization.normalize(name)
        let now = ServerClock.nowText()
        return try await backend.write(appending: false) { store in
            guard let account = try store.account(named: name) else { throw AccountError.notFound(name) }
            guard account.revokedAt == nil else { return false }
            try store.revoke(name: name, at: now)
            return true
        }
    }

    /// Which of `names` are revoked accounts (or no longer exist).
    public func revokedAccounts(among names: Set<String>) async throws -> Set<String> {
        guard !names.isEmpty else { return [] }
        return try await backend.read { store in
            names.subtracting(try store.activeAccountNames(among: names))
        }
    }
}

/// Rules for account names.
enum AccountName {
    /// The longest name, in characters.
    static let maximumLength = 64

    /// The name in NFC, or an error saying why it is unusable.
    static func validated(_ raw: String) throws -> String {
        let name = TextNormalization.normalize(raw)
        guard !name.isEmpty, name.count <= maximumLength,
            name.trimmingCharacters(in: .whitespaces) == name,
            !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else {
            throw AccountError.invalidName(raw)
        }
        return name
    }
}

/// Why an account operation failed.
public enum AccountError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The name is empty, too long, has surrounding spaces or control characters.
    case invalidName(String)
    /// An account of that name exists.
    case exists(String)
    /// No account has that name.
    case notFound(String)

    /// A sentence a person can act on.
    public var description: String {
        switch self {
        case .invalidName(let name):
            "'\(name)' is not a usable account name: 1 to \(AccountName.maximumLength) characters, no control "
                + "characters, no leading or trailing spaces"
        case .exists(let name):
            "an account named '\(name)' already exists (names are never reused, even after `user revoke`); "
                + "choose another name"
        case .notFound(let name): "there is no account named '\(name)'; `bulletin-server user list` shows them"
        }
    }
}
