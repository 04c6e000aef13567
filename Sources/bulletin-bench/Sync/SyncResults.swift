/// Everything one run of `bulletin-bench sync` measured.
struct SyncResults: Sendable {
    /// (a) and (e) at one archive size.
    struct InitialPull: Sendable {
        /// Articles in the archive.
        var articles: Int
        /// Change records pulled (entities of the snapshot).
        var records: Int
        /// `bulletin sync` process, start to exit.
        var wallSeconds: Double
        /// The sync itself as the client timed it (connection to `bye`).
        var syncSeconds: Double
        /// Bytes on the wire, both directions.
        var wireBytes: Int
        /// Uncompressed protocol JSON, both directions.
        var payloadBytes: Int
        /// Peak RSS of the client process.
        var clientPeakRSS: Int
        /// Peak RSS of the server process while it served only this pull.
        var serverPeakRSS: Int
    }

    /// (b) one round.
    struct Incremental: Sendable {
        /// Milliseconds.
        var milliseconds: Double
        /// Bytes on the wire, both directions.
        var wireBytes: Int
    }

    /// Articles in the main archive.
    var articles = 0
    /// Issues in the main archive.
    var issues = 0
    /// The archive as files (the git baseline's working tree), in bytes.
    var rawArchiveBytes = 0
    /// The seeding editor's upload of the archive: changes, seconds.
    var seedPush: (changes: Int, seconds: Double) = (0, 0)
    /// (a) at the main size, each into a new empty client (also the first point of (e)).
    var pulls: [InitialPull] = []
    /// (a) git clone, each into a new directory, alternating with ``pulls``.
    var gitClones: [GitBaseline.Transfer] = []
    /// (b) in-process syncs, one per round.
    var incremental: [Incremental] = []
    /// (b) `git fetch`, one per round.
    var gitFetch: [GitBaseline.Transfer] = []
    /// (b) as many rounds again with `bulletin sync` as a process.
    var incrementalProcess: [Incremental] = []
    /// (b) the `git fetch` of each of those rounds.
    var gitFetchProcessRounds: [GitBaseline.Transfer] = []
    /// (c) small and large changes, one result per round.
    var pushSmall: [PushThroughputBenchmark.Result] = []
    var pushLarge: [PushThroughputBenchmark.Result] = []
    /// (d) milliseconds per edit.
    var propagation: [Double] = []
    /// (e) the larger archive.
    var largePull: InitialPull?
}
