import Foundation
import Testing

@testable import SyncProtocol

/// `welcome.account` (capability `account`, PROTOCOL.md section 8.2): optional, and strict when present.
@Suite struct WelcomeAccountTests {
    static func welcome(_ json: String) throws -> Welcome {
        guard case .welcome(let welcome) = try FrameCodec.decodeJSON(Array(json.utf8)) else {
            throw ProtocolError.invalidMessage("not a welcome")
        }
        return welcome
    }

    static let older =
        #"{"capabilities":["snapshot","subscribe"],"head_seq":7,"limits":{"max_batch_changes":10,"#
        + #""max_decompressed_bytes":100,"max_frame_bytes":100},"server_id":"s","type":"welcome","version":1}"#

    @Test func anOlderWelcomeWithoutTheAccountDecodes() throws {
        let welcome = try Self.welcome(Self.older)
        #expect(welcome.account == nil)
        #expect(welcome.headSeq == 7)
    }

    @Test(arguments: AccountRole.allCases)
    func eachRoleTravelsByItsWireName(_ role: AccountRole) throws {
        let json = Self.older.replacingOccurrences(
            of: #"{"capabilities""#, with: #"{"account":{"name":"Lan","role":"\#(role.rawValue)"},"capabilities""#)
        #expect(try Self.welcome(json).account == WelcomeAccount(name: "Lan", role: role))
        let message = Message.welcome(try Self.welcome(json))
        #expect(String(decoding: FrameCodec.json(message), as: UTF8.self) == json)
    }

    @Test func theWireNamesAreTheOnesOfSection18() {
        #expect(AccountRole.allCases.map(\.rawValue) == ["editor", "chief", "field-office", "admin"])
    }

    @Test(arguments: [
        (#"{"name":"Lan","role":"owner"}"#, "field 'account.role' has an unknown value 'owner'"),
        (#"{"name":"Lan"}"#, "field 'account.role' is missing"),
        (#"{"role":"chief"}"#, "field 'account.name' is missing"),
        (#""chief""#, "field 'account' must be an object"),
    ])
    func aMalformedAccountIsAnInvalidMessage(_ account: String, _ expected: String) {
        let json = Self.older.replacingOccurrences(
            of: #"{"capabilities""#, with: #"{"account":\#(account),"capabilities""#)
        #expect(throws: ProtocolError.invalidMessage(expected)) { try Self.welcome(json) }
    }

    @Test func aNullAccountIsAbsent() throws {
        let json = Self.older.replacingOccurrences(
            of: #"{"capabilities""#, with: #"{"account":null,"capabilities""#)
        #expect(try Self.welcome(json).account == nil)
    }
}
