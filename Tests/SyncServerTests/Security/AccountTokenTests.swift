import Crypto
import Foundation
import GRDB
import PostgresTestSupport
import TestSupport
import Testing

@testable import SyncServer

@Suite struct AccountTokenTests {
    @Test func aTokenIsThePrefixAnd256RandomBitsInBase64url() throws {
        let tokens = (0..<64).map { _ in AccountToken.generate() }
        #expect(Set(tokens).count == tokens.count)
        for token in tokens {
            #expect(token.hasPrefix("bst_"))
            let body = String(token.dropFirst(4))
            #expect(body.count == 43)
            #expect(body.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
            let base64 = body.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/") + "="
            #expect(Data(base64Encoded: base64)?.count == 32)
        }
    }

    @Test func theStoredHashIsSHA256OfTheTokensUTF8Bytes() {
        // FIPS 180-2 test vector: SHA-256("abc").
        #expect(AccountToken.hashText("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(AccountToken.bytes(hex: AccountToken.hashText("abc")) == AccountToken.hash("abc"))
    }

    @Test func constantTimeComparisonComparesEveryByte() {
        let hash = AccountToken.hash("bst_secret")
        #expect(AccountToken.constantTimeEqual(hash, hash))
        var first = hash
        first[0] ^= 1
        var last = hash
        last[31] ^= 0x80
        #expect(!AccountToken.constantTimeEqual(hash, first))
        #expect(!AccountToken.constantTimeEqual(hash, last))
        #expect(!AccountToken.constantTimeEqual(hash, Array(hash.dropLast())))
        #expect(!AccountToken.constantTimeEqual([], hash))
    }

    @Test(arguments: StoreKind.available)
    func accountsStoreOnlyTheHashAndNamesAreNeverReused(_ kind: StoreKind) async throws {
        try await withTestStore(kind) { store, _ in
            try await storesOnlyTheHash(store)
        }
    }

    @Test(
        .enabled(
            if: TestPostgres.url != nil, "BULLETIN_TEST_POSTGRES_URL is not set: the several-nodes case is skipped"))
    func oneNameAddedOnSeveralNodesAtOnceMakesOneAccountAndSaysTheNameIsTakenElsewhere() async throws {
        try await ScratchDatabase.with(.postgres) { url in
            let url = try #require(url)
            // Four nodes on one database, each adding the same name: each finds it free, then inserts.
            var nodes: [ServerStore] = []
            for _ in 0..<4 { nodes.append(try await ServerStore.open(postgres: url)) }
            defer { for node in nodes { try? node.close() } }
            let outcomes = await withTaskGroup(of: Result<String, any Error>.self) { group in
                for node in nodes {
                    group.addTask {
                        do { return .success(try await node.addAccount(name: "Ngọc Lan", role: .editor)) } catch {
                            return .failure(error)
                        }
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            #expect(outcomes.count { if case .success = $0 { true } else { false } } == 1)
            for case .failure(let error) in outcomes {
                #expect(error as? AccountError == AccountError.exists("Ngọc Lan"), "\(error)")
            }
            let names = try await nodes[0].accounts().map(\.name)
            #expect(names == ["Ngọc Lan"])
        }
    }

    private func storesOnlyTheHash(_ store: ServerStore) async throws {
        let token = try await store.addAccount(name: "Thanh Hồng", role: .editor)
        // Every stored column of the account, as the store reads it back.
        let rows = try await store.accounts().map { String(reflecting: $0) }
        #expect(rows.count == 1)
        #expect(rows.allSatisfy { !$0.contains(token) && $0.contains(AccountToken.hashText(token)) })
        await #expect(throws: AccountError.exists("Thanh Hồng")) {
            try await store.addAccount(name: "Thanh Hồng", role: .chief)
        }
        await #expect(throws: AccountError.invalidName(" padded")) {
            try await store.addAccount(name: " padded", role: .chief)
        }
        #expect(try await store.revokeAccount(name: "Thanh Hồng"))
        #expect(try await !store.revokeAccount(name: "Thanh Hồng"))
        await #expect(throws: AccountError.notFound("nobody")) { try await store.revokeAccount(name: "nobody") }
        let listed = try await store.accounts()
        #expect(listed.map(\.name) == ["Thanh Hồng"])
        #expect(listed.first?.role == .editor)
        #expect(listed.first?.isRevoked == true)
        #expect(try await store.revokedAccounts(among: ["Thanh Hồng", "nobody"]) == ["Thanh Hồng", "nobody"])
    }
}
