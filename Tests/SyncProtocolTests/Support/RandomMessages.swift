import BulletinCore
import SyncProtocol

/// Random but valid messages, for round-trip and differential tests.
struct RandomMessages {
    var random: SeededRandom

    init(seed: UInt64) {
        random = SeededRandom(seed: seed)
    }

    /// Characters that stress escaping and UTF-8: quotes, backslashes, controls, slashes, DEL, line separators,
    /// Vietnamese precomposed and combining marks, `đ`, an emoji, a CJK character.
    static let alphabet: [String] = [
        "a", "Z", "0", " ", "\"", "\\", "/", "\n", "\r", "\t", "\u{08}", "\u{0C}", "\u{01}", "\u{1F}", "\u{7F}",
        "\u{2028}", "ạ", "ổ", "Đ", "đ", "e\u{0301}", "ư", "ờ", "😀", "中", "_", "-", ".",
    ]

    mutating func int(_ range: ClosedRange<Int64> = -1_000_000...1_000_000) -> Int64 {
        switch Int.random(in: 0..<10, using: &random) {
        case 0: return [Int64.min, Int64.max, 0, -1][Int.random(in: 0..<4, using: &random)]
        default: return Int64.random(in: range, using: &random)
        }
    }

    mutating func bool() -> Bool { Bool.random(using: &random) }

    mutating func string(maxLength: Int = 12) -> String {
        let length = Int.random(in: 0...maxLength, using: &random)
        return (0..<length).map { _ in Self.alphabet.randomElement(using: &random) ?? "a" }.joined()
    }

    mutating func optional<Value>(_ make: (inout RandomMessages) -> Value) -> Value? {
        bool() ? make(&self) : nil
    }

    /// A non-integral, finite double (integral ones travel as integers, see PROTOCOL.md section 15).
    mutating func double() -> Double {
        let candidates: [Double] = [0.5, -2.25, 1e-7, 123456.789, 2.5e16, 1e300, -1e-300, 0.1, .leastNonzeroMagnitude]
        if bool(), let pick = candidates.randomElement(using: &random) {
            return pick
        }
        let value = Double.random(in: -1e6...1e6, using: &random)
        return value.rounded() == value ? value + 0.5 : value
    }

    mutating func value(depth: Int = 0) -> JSONValue {
        switch Int.random(in: 0..<(depth > 3 ? 5 : 7), using: &random) {
        case 0: return .null
        case 1: return .bool(bool())
        case 2: return .int(int())
        case 3: return .double(double())
        case 4: return .string(string(maxLength: 30))
        case 5: return .array((0..<Int.random(in: 0...4, using: &random)).map { _ in value(depth: depth + 1) })
        default: return .object(members(depth: depth + 1))
        }
    }

    mutating func members(depth: Int) -> [String: JSONValue] {
        var members: [String: JSONValue] = [:]
        for _ in 0..<Int.random(in: 0...5, using: &random) {
            members[string(maxLength: 8)] = value(depth: depth)
        }
        return members
    }

    mutating func change(seq: Bool) -> ChangeRecord {
        var base: [String: String] = [:]
        for _ in 0..<Int.random(in: 0...3, using: &random) {
            base[string(maxLength: 6)] = string()
        }
        return ChangeRecord(
            changeID: string(), entity: EntityKind.allCases.randomElement(using: &random) ?? .issue,
            entityID: string(), op: ChangeOperation.allCases.randomElement(using: &random) ?? .create,
            fields: members(depth: 1), base: base,
            hlc: HLCTimestamp(
                wallMillis: Int64.random(in: 0...999_999_999_999_999, using: &random),
                counter: UInt32.random(in: 0...HLCTimestamp.maxCounter, using: &random)),
            author: string(), clientID: string(), seq: seq ? int(0...Int64.max) : nil)
    }

    mutating func changes(seq: Bool) -> [ChangeRecord] {
        (0..<Int.random(in: 0...3, using: &random)).map { _ in change(seq: seq) }
    }

    mutating func message() -> Message {
        switch Int.random(in: 0..<12, using: &random) {
        case 0:
            return .hello(
                Hello(
                    versions: (0..<Int.random(in: 0...3, using: &random)).map { _ in Int(int()) }, clientID: string(),
                    credentials: optional {
                        Credentials(user: $0.optional { $0.string() }, token: $0.optional { $0.string() })
                    },
                    appVersion: string(), schemaVersion: Int(int())))
        case 1:
            return .welcome(
                Welcome(
                    version: Int(int()), serverID: string(), headSeq: int(),
                    limits: WireLimits(
                        maxFrameBytes: Int(int()), maxDecompressedBytes: Int(int()),
                        maxBatchChanges: Int(int())),
                    capabilities: (0..<Int.random(in: 0...3, using: &random)).map { _ in string() },
                    account: optional {
                        WelcomeAccount(name: $0.string(), role: AccountRole.allCases.randomElement(using: &$0.random)!)
                    }))
        case 2:
            return .push(Push(batchID: string(), changes: changes(seq: false)))
        case 3:
            return .pushAck(
                PushAck(
                    batchID: string(),
                    results: (0..<Int.random(in: 0...3, using: &random)).map { _ in
                        ChangeResult(
                            changeID: string(), status: ChangeStatus.allCases.randomElement(using: &random) ?? .applied,
                            seq: optional { $0.int() }, reason: optional { $0.string() },
                            code: optional { $0.string() },
                            conflictID: optional { $0.string() })
                    },
                    headSeq: int()))
        case 4:
            let filter = optional {
                PullFilter(
                    entities: $0.optional {
                        Array(EntityKind.allCases.prefix(Int.random(in: 0...4, using: &$0.random)))
                    },
                    issues: $0.optional { [$0.string(), $0.string()] })
            }
            return .pull(
                Pull(
                    since: int(), maxChanges: Int(int()), maxBytes: Int(int()), filter: filter,
                    snapshot: optional { $0.bool() }, resume: optional { $0.string() }))
        case 5:
            return .changes(
                Changes(
                    fromSeq: int(), toSeq: int(), more: bool(), changes: changes(seq: true),
                    resume: optional { $0.string() }, headSeq: optional { $0.int() }))
        case 6: return .subscribe(Subscribe(since: int()))
        case 7: return .notify(Notify(headSeq: int()))
        case 8: return .ping(Ping(nonce: int()))
        case 9: return .pong(Ping(nonce: int()))
        case 10:
            return .error(
                ErrorMessage(
                    code: Int(int()), name: string(), message: string(maxLength: 40),
                    retryable: bool()))
        default:
            return .bye(Bye(reason: optional { $0.string() }))
        }
    }
}
