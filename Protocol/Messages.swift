/// `hello`: the client's first frame after the preamble.
public struct Hello: Codable, Sendable, Hashable {
    /// Protocol versions the client speaks, in any order.
    public var versions: [Int]
    /// The client's replica id (lowercase UUID text).
    public var clientID: String
    /// How the client proves who it is; absent for an anonymous client.
    public var credentials: Credentials?
    /// Free-form client software version, e.g. `bulletin/0.1.0`.
    public var appVersion: String
    /// The version of the client's local store schema.
    public var schemaVersion: Int

    /// Creates a `hello`.
    public init(
        versions: [Int], clientID: String, credentials: Credentials? = nil, appVersion: String,
        schemaVersion: Int
    ) {
        self.versions = versions
        self.clientID = clientID
        self.credentials = credentials
        self.appVersion = appVersion
        self.schemaVersion = schemaVersion
    }

    enum CodingKeys: String, CodingKey {
        case versions
        case clientID = "client_id"
        case credentials
        case appVersion = "app_version"
        case schemaVersion = "schema_version"
    }
}

/// The credentials a client presents in `hello`.
public struct Credentials: Codable, Sendable, Hashable {
    /// The editor (user) name the client acts as.
    public var user: String?
    /// A bearer token issued by the server's administrator.
    public var token: String?

    /// Creates credentials.
    public init(user: String? = nil, token: String? = nil) {
        self.user = user
        self.token = token
    }
}

/// Limits a server announces in `welcome`; a client must stay within them.
public struct WireLimits: Codable, Sendable, Hashable {
    /// Largest frame (length field value) the server accepts.
    public var maxFrameBytes: Int
    /// Largest decompressed payload the server accepts.
    public var maxDecompressedBytes: Int
    /// Most change records the server accepts in one `push`.
    public var maxBatchChanges: Int

    /// Creates limits.
    public init(maxFrameBytes: Int, maxDecompressedBytes: Int, maxBatchChanges: Int) {
        self.maxFrameBytes = maxFrameBytes
        self.maxDecompressedBytes = maxDecompressedBytes
        self.maxBatchChanges = maxBatchChanges
    }

    enum CodingKeys: String, CodingKey {
        case maxFrameBytes = "max_frame_bytes"
        case maxDecompressedBytes = "max_decompressed_bytes"
        case maxBatchChanges = "max_batch_changes"
    }
}

/// `welcome`: the server's answer to an acceptable `hello`.
public struct Welcome: Codable, Sendable, Hashable {
    /// The protocol version chosen for this connection.
    public var version: Int
    /// The server's stable id.
    public var serverID: String
    /// The highest `seq` in the server's change log when the connection was accepted.
    public var headSeq: Int64
    /// The limits the server enforces.
    public var limits: WireLimits
    /// Optional features the server offers, e.g. `snapshot`, `subscribe`, `account`.
    public var capabilities: [String]
    /// The account the connection acts as (with capability `account`); absent from older servers.
    public var account: WelcomeAccount?
    /// The histories of the server's log, oldest first, the current one last (with capability `log_epochs`);
    /// absent from older servers.
    public var logEpochs: [LogEpoch]?

    /// Creates a `welcome`.
    public init(
        version: Int, serverID: String, headSeq: Int64, limits: WireLimits, capabilities: [String],
        account: WelcomeAccount? = nil, logEpochs: [LogEpoch]? = nil
    ) {
        self.version = version
        self.serverID = serverID
        self.headSeq = headSeq
        self.limits = limits
        self.capabilities = capabilities
        self.account = account
        self.logEpochs = logEpochs
    }

    enum CodingKeys: String, CodingKey {
        case version
        case serverID = "server_id"
        case headSeq = "head_seq"
        case limits
        case capabilities
        case account
        case logEpochs = "log_epochs"
    }
}

/// `push`: an ordered batch of the client's change records.
public struct Push: Codable, Sendable, Hashable {
    /// Client-made id of this batch, echoed in `push_ack`.
    public var batchID: String
    /// The changes, in the order the author made them.
    public var changes: [ChangeRecord]
    /// `true`: the changes are records of a log history the server lost to a restore, offered again with the `seq`
    /// each had there (PROTOCOL.md section 12.5); `nil` for an ordinary push.
    public var reoffer: Bool?
    /// The changes as the sender holds them, canonical texts written to the wire as they are, in place of
    /// ``changes`` (then empty): a client sends its outbox rows without parsing them and writing the same bytes
    /// again. Not on the wire as such: a decoded push has ``changes`` and no texts.
    public var texts: [CanonicalRecord]?

    /// Creates a `push`.
    public init(batchID: String, changes: [ChangeRecord], reoffer: Bool? = nil) {
        self.batchID = batchID
        self.changes = changes
        self.reoffer = reoffer
    }

    /// Creates a `push` of changes held as canonical texts (see ``texts``).
    public init(batchID: String, texts: [CanonicalRecord], reoffer: Bool? = nil) {
        self.init(batchID: batchID, changes: [], reoffer: reoffer)
        self.texts = texts
    }

    enum CodingKeys: String, CodingKey {
        case batchID = "batch_id"
        case changes
        case reoffer
    }
}

/// What the server did with one pushed change.
public enum ChangeStatus: String, Codable, Sendable, CaseIterable {
    /// Applied now; `seq` is its log position.
    case applied
    /// Applied earlier; `seq` is its original log position.
    case duplicate
    /// Logged, but concurrent with another change; `conflict_id` names the open conflict.
    case conflict
    /// Not applied; `reason` says why.
    case rejected
}

/// The server's answer for one change of a `push`.
public struct ChangeResult: Codable, Sendable, Hashable {
    /// The change this result is for.
    public var changeID: String
    /// What happened to it.
    public var status: ChangeStatus
    /// Its log position (for `applied`, `duplicate` and `conflict`).
    public var seq: Int64?
    /// Why it was rejected, for a person.
    public var reason: String?
    /// The symbolic error name behind a rejection, e.g. `forbidden`.
    public var code: String?
    /// The conflict the change opened or joined.
    public var conflictID: String?

    /// Creates a result.
    public init(
        changeID: String, status: ChangeStatus, seq: Int64? = nil, reason: String? = nil,
        code: String? = nil, conflictID: String? = nil
    ) {
        self.changeID = changeID
        self.status = status
        self.seq = seq
        self.reason = reason
        self.code = code
        self.conflictID = conflictID
    }

    enum CodingKeys: String, CodingKey {
        case changeID = "change_id"
        case status
        case seq
        case reason
        case code
        case conflictID = "conflict_id"
    }
}

/// `push_ack`: per-change results of one `push`, sent only once they are durable.
public struct PushAck: Codable, Sendable, Hashable {
    /// The batch this acknowledges.
    public var batchID: String
    /// One result per pushed change, in push order.
    public var results: [ChangeResult]
    /// The server's head `seq` after the batch.
    public var headSeq: Int64

    /// Creates a `push_ack`.
    public init(batchID: String, results: [ChangeResult], headSeq: Int64) {
        self.batchID = batchID
        self.results = results
        self.headSeq = headSeq
    }

    enum CodingKeys: String, CodingKey {
        case batchID = "batch_id"
        case results
        case headSeq = "head_seq"
    }
}

/// Narrows what a `pull` returns.
public struct PullFilter: Codable, Sendable, Hashable {
    /// Only these entity kinds (all when absent).
    public var entities: [EntityKind]?
    /// Only changes belonging to these issue ids (all when absent).
    public var issues: [String]?

    /// Creates a filter.
    public init(entities: [EntityKind]? = nil, issues: [String]? = nil) {
        self.entities = entities
        self.issues = issues
    }
}

/// `pull`: asks for the log after `since`, one page at a time.
public struct Pull: Codable, Sendable, Hashable {
    /// Return changes with `seq > since`.
    public var since: Int64
    /// At most this many change records in the page.
    public var maxChanges: Int
    /// At most about this many bytes of uncompressed JSON in the page (at least one record is always sent).
    public var maxBytes: Int
    /// Optional narrowing.
    public var filter: PullFilter?
    /// Ask for a snapshot of current state instead of the log (initial sync of an empty replica).
    public var snapshot: Bool?
    /// Opaque resume token from the previous snapshot page.
    public var resume: String?
    /// The client accepts `paragraphs` sent as a text edit against the value it holds (capability `edits`).
    public var edits: Bool?

    /// Creates a `pull`.
    public init(
        since: Int64, maxChanges: Int, maxBytes: Int, filter: PullFilter? = nil, snapshot: Bool? = nil,
        resume: String? = nil, edits: Bool? = nil
    ) {
        self.since = since
        self.maxChanges = maxChanges
        self.maxBytes = maxBytes
        self.filter = filter
        self.snapshot = snapshot
        self.resume = resume
        self.edits = edits
    }

    enum CodingKeys: String, CodingKey {
        case since
        case maxChanges = "max_changes"
        case maxBytes = "max_bytes"
        case filter
        case snapshot
        case resume
        case edits
    }
}

/// `changes`: one page of change records answering a `pull`.
public struct Changes: Codable, Sendable, Hashable {
    /// The `since` of the pull this answers.
    public var fromSeq: Int64
    /// The cursor to pull from next (the highest seq covered by this page).
    public var toSeq: Int64
    /// Whether more pages follow.
    public var more: Bool
    /// The records, in log order (or, for a snapshot, newest issue first).
    public var changes: [ChangeRecord]
    /// For snapshot pages: the token to resume the snapshot with.
    public var resume: String?
    /// The server's head `seq` when the page was made.
    public var headSeq: Int64?
    /// The page's encoded frame, made once for every connection that sends this same page (not on the wire, not
    /// part of the value: see ``SharedFrame``).
    public var shared: SharedFrame?

    /// Creates a `changes` page.
    public init(
        fromSeq: Int64, toSeq: Int64, more: Bool, changes: [ChangeRecord], resume: String? = nil,
        headSeq: Int64? = nil
    ) {
        self.fromSeq = fromSeq
        self.toSeq = toSeq
        self.more = more
        self.changes = changes
        self.resume = resume
        self.headSeq = headSeq
    }

    enum CodingKeys: String, CodingKey {
        case fromSeq = "from_seq"
        case toSeq = "to_seq"
        case more
        case changes
        case resume
        case headSeq = "head_seq"
    }

    /// Pages are equal when their wire values are: ``shared`` is a cache of their bytes, not part of the value.
    public static func == (lhs: Changes, rhs: Changes) -> Bool {
        lhs.fromSeq == rhs.fromSeq && lhs.toSeq == rhs.toSeq && lhs.more == rhs.more && lhs.changes == rhs.changes
            && lhs.resume == rhs.resume && lhs.headSeq == rhs.headSeq
    }

    /// Hashes the wire value (see ``==(_:_:)``).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(fromSeq)
        hasher.combine(toSeq)
        hasher.combine(more)
        hasher.combine(changes)
        hasher.combine(resume)
        hasher.combine(headSeq)
    }
}

/// `subscribe`: asks the server to send `notify` whenever its head moves.
public struct Subscribe: Codable, Sendable, Hashable {
    /// The client's cursor; the server notifies at once if its head is already past it.
    public var since: Int64

    /// Creates a `subscribe`.
    public init(since: Int64) {
        self.since = since
    }
}

/// `notify`: the server's head moved; the client should pull.
public struct Notify: Codable, Sendable, Hashable {
    /// The new head `seq`.
    public var headSeq: Int64

    /// Creates a `notify`.
    public init(headSeq: Int64) {
        self.headSeq = headSeq
    }

    enum CodingKeys: String, CodingKey {
        case headSeq = "head_seq"
    }
}

/// `ping` / `pong`: liveness check; `pong` echoes the nonce.
public struct Ping: Codable, Sendable, Hashable {
    /// Any value the sender wants echoed.
    public var nonce: Int64

    /// Creates a `ping` or `pong`.
    public init(nonce: Int64) {
        self.nonce = nonce
    }
}

/// `error`: something went wrong; see the error code table in PROTOCOL.md.
public struct ErrorMessage: Codable, Sendable, Hashable, Error {
    /// Stable numeric code.
    public var code: Int
    /// Stable symbolic name, e.g. `unsupported_version`.
    public var name: String
    /// A sentence a person can act on.
    public var message: String
    /// Whether the same request may succeed if retried later.
    public var retryable: Bool

    /// Creates an `error`.
    public init(code: Int, name: String, message: String, retryable: Bool) {
        self.code = code
        self.name = name
        self.message = message
        self.retryable = retryable
    }
}

/// `bye`: the sender is closing the connection on purpose.
public struct Bye: Codable, Sendable, Hashable {
    /// Why, for a person.
    public var reason: String?

    /// Creates a `bye`.
    public init(reason: String? = nil) {
        self.reason = reason
    }
}
