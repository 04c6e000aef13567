/// Every v1 message; the JSON object's `"type"` names the case.
public enum Message: Sendable, Hashable {
    /// `hello`: the client's first frame.
    case hello(Hello)
    /// `welcome`: the server accepts the client.
    case welcome(Welcome)
    /// `push`: a batch of the client's change records.
    case push(Push)
    /// `push_ack`: per-change results of a `push`.
    case pushAck(PushAck)
    /// `pull`: asks for the log or a snapshot.
    case pull(Pull)
    /// `changes`: one page answering a `pull`.
    case changes(Changes)
    /// `subscribe`: asks for `notify` when the head moves.
    case subscribe(Subscribe)
    /// `notify`: the head moved.
    case notify(Notify)
    /// `ping`: liveness check.
    case ping(Ping)
    /// `pong`: the answer to `ping`, same nonce.
    case pong(Ping)
    /// `error`: something went wrong.
    case error(ErrorMessage)
    /// `bye`: the sender closes on purpose.
    case bye(Bye)

    /// The wire name of the message, e.g. `push_ack`.
    public var type: String {
        switch self {
        case .hello: "hello"
        case .welcome: "welcome"
        case .push: "push"
        case .pushAck: "push_ack"
        case .pull: "pull"
        case .changes: "changes"
        case .subscribe: "subscribe"
        case .notify: "notify"
        case .ping: "ping"
        case .pong: "pong"
        case .error: "error"
        case .bye: "bye"
        }
    }

    /// Every message type name v1 defines.
    public static let knownTypes: Set<String> = [
        "hello", "welcome", "push", "push_ack", "pull", "changes", "subscribe", "notify", "ping", "pong", "error",
        "bye",
    ]
}

extension Message: Codable {
    private enum TypeKey: String, CodingKey {
        case type
    }

    /// Decodes `type`, then the message body from the same object.
    ///
    /// An unknown `type` throws ``ProtocolError/unsupportedMessage(_:)``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: TypeKey.self)
        let type = try container.decode(String.self, forKey: .type)
        switch type {
        case "hello": self = .hello(try Hello(from: decoder))
        case "welcome": self = .welcome(try Welcome(from: decoder))
        case "push": self = .push(try Push(from: decoder))
        case "push_ack": self = .pushAck(try PushAck(from: decoder))
        case "pull": self = .pull(try Pull(from: decoder))
        case "changes": self = .changes(try Changes(from: decoder))
        case "subscribe": self = .subscribe(try Subscribe(from: decoder))
        case "notify": self = .notify(try Notify(from: decoder))
        case "ping": self = .ping(try Ping(from: decoder))
        case "pong": self = .pong(try Ping(from: decoder))
        case "error": self = .error(try ErrorMessage(from: decoder))
        case "bye": self = .bye(try Bye(from: decoder))
        default: throw ProtocolError.unsupportedMessage(String(type.prefix(64)))
        }
    }

    /// Encodes `type` and the message body into one JSON object.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: TypeKey.self)
        try container.encode(type, forKey: .type)
        switch self {
        case .hello(let body): try body.encode(to: encoder)
        case .welcome(let body): try body.encode(to: encoder)
        case .push(let body): try body.encode(to: encoder)
        case .pushAck(let body): try body.encode(to: encoder)
        case .pull(let body): try body.encode(to: encoder)
        case .changes(let body): try body.encode(to: encoder)
        case .subscribe(let body): try body.encode(to: encoder)
        case .notify(let body): try body.encode(to: encoder)
        case .ping(let body): try body.encode(to: encoder)
        case .pong(let body): try body.encode(to: encoder)
        case .error(let body): try body.encode(to: encoder)
        case .bye(let body): try body.encode(to: encoder)
        }
    }
}
