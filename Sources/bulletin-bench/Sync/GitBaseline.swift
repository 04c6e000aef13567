import BulletinCore
import Foundation

/// The baseline an editor would otherwise use: the archive as files in a git repository served by `git daemon` on
/// 127.0.0.1, cloned and fetched through a ``ByteCountingProxy`` that counts the bytes on the wire.
///
/// Layout: one directory per issue (`YYYY-MM-DD/`) with `issue.json` (header and sections) and one pretty-printed
/// JSON file per article (`NN.json`, its number in the issue). The served repository is bare and fully packed
/// (`git repack -a -d`), as a hosted repository would be; edits are made in a separate working copy and pushed to it
/// over the local file system, so only the clone and the fetches go through the daemon.
final class GitBaseline: @unchecked Sendable {
    /// What one timed git command did.
    struct Transfer: Sendable {
        /// Wall-clock seconds of the whole command (process start to exit).
        var seconds: Double
        /// Bytes through the proxy, both directions.
        var wireBytes: Int
    }

    private let workspace: BenchWorkspace
    private let git = "/usr/bin/git"
    private let workingCopy: String
    private let served: String
    /// The clone that ``timedFetch()`` fetches into: the first one made.
    private let clone: String
    /// Article id → file path relative to the working copy.
    private var articlePaths: [String: String] = [:]
    /// The ids of the articles in generation order.
    private(set) var articleIDs: [String] = []
    /// Total bytes of the files written (the archive as raw JSON).
    private(set) var rawBytes = 0
    private var daemon: ChildProcess?
    private var proxy: ByteCountingProxy?
    private var proxyTask: Task<Void, Never>?

    init(workspace: BenchWorkspace) {
        self.workspace = workspace
        workingCopy = workspace.path("git-work")
        served = workspace.path("git-served")
        clone = workspace.path("git-clone")
    }

    /// Writes the archive into a working copy, commits it, and makes the packed bare repository to serve.
    func prepare(_ archive: ArchiveGenerator) async throws {
        let manager = FileManager.default
        try manager.createDirectory(atPath: workingCopy, withIntermediateDirectories: true)
        let encoder = BulletinJSON.encoder(pretty: true)
        for issue in archive {
            let directory = workingCopy + "/" + issue.date
            try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
            var header = issue
            for index in header.sections.indices { header.sections[index].articles = [] }
            rawBytes += try write(encoder.encode(header), to: directory + "/issue.json")
            for section in issue.sections {
                for article in section.articles {
                    let name = issue.date + "/" + (article.number < 10 ? "0" : "") + "\(article.number).json"
                    rawBytes += try write(encoder.encode(article), to: workingCopy + "/" + name)
                    articlePaths[article.id] = name
                    articleIDs.append(article.id)
                }
            }
        }
        try await gitRun(["init", "-q", "-b", "main", workingCopy])
        try await gitRun(["-C", workingCopy, "add", "-A"])
        try await commit("archive")
        try await gitRun(["clone", "-q", "--bare", "--no-local", workingCopy, served + "/archive.git"])
        try await gitRun(["-C", served + "/archive.git", "repack", "-a", "-d", "-q"])
        try await gitRun(["-C", workingCopy, "remote", "add", "served", served + "/archive.git"])
    }

    /// Starts `git daemon` on a free port and the counting proxy in front of it.
    func start() async throws {
        let port = try FreePort.pick()
        let ready = ReadySignal()
        daemon = try workspace.spawn(
            "/usr/lib/git-core/git-daemon",
            [
                "--reuseaddr", "--verbose", "--base-path=" + served, "--export-all", "--listen=127.0.0.1",
                "--port=\(port)", served,
            ],
            standardError: .lines,
            onLine: { line in if line.contains("Ready to rumble") { ready.fire() } })
        try await ready.wait(timeout: .seconds(30), what: "git daemon to listen")
        let proxy = try await ByteCountingProxy.bind(targetPort: port)
        self.proxy = proxy
        proxyTask = Task { await proxy.run() }
    }

    /// `git clone` of the served repository through the proxy (a): time and bytes. Clone `number` 0 is the one
    /// later fetched into.
    func timedClone(number: Int) async throws -> Transfer {
        try await timed(["clone", "-q", url, number == 0 ? clone : clone + "-\(number)"])
    }

    /// Makes edits `numbers` in the working copy's files, commits and pushes them to the served repository
    /// (locally, not through the daemon).
    func edit(_ numbers: [Int]) async throws {
        let decoder = BulletinJSON.decoder()
        let encoder = BulletinJSON.encoder(pretty: true)
        for number in numbers {
            let id = articleIDs[ArticleEdits.articleIndex(number, articleCount: articleIDs.count)]
            guard let name = articlePaths[id] else { throw BenchError.unexpected("no file for article \(id)") }
            let file = workingCopy + "/" + name
            var article = try decoder.decode(Article.self, from: Data(contentsOf: URL(fileURLWithPath: file)))
            article.paragraphs = ArticleEdits.apply(number, to: article.paragraphs)
            _ = try write(encoder.encode(article), to: file)
        }
        try await commit("edits \(numbers.first ?? 0)…")
        try await gitRun(["-C", workingCopy, "push", "-q", "served", "main"])
    }

    /// `git fetch` in the clone through the proxy (b): time and bytes.
    func timedFetch() async throws -> Transfer {
        try await timed(["-C", clone, "fetch", "-q", "origin"])
    }

    /// Stops the proxy and the daemon.
    func stop() async {
        proxy?.close()
        await proxyTask?.value
        if let daemon { _ = await workspace.stop(daemon) }
    }

    private var url: String {
        "git://127.0.0.1:\(proxy?.port ?? 0)/archive.git"
    }

    private func timed(_ arguments: [String]) async throws -> Transfer {
        guard let proxy else { throw BenchError.unexpected("the git daemon is not running") }
        proxy.reset()
        let started = ContinuousClock.now
        try await gitRun(arguments)
        let seconds = (ContinuousClock.now - started).seconds
        return Transfer(seconds: seconds, wireBytes: proxy.total)
    }

    private func commit(_ message: String) async throws {
        try await gitRun([
            "-C", workingCopy, "-c", "user.name=Bench", "-c", "user.email=bench@127.0.0.1",
            "commit", "-q", "-a", "-m", message,
        ])
    }

    private func gitRun(_ arguments: [String]) async throws {
        try await workspace.run(git, arguments, standardError: .file(workspace.path("git.log")))
    }

    private func write(_ data: Data, to path: String) throws -> Int {
        try data.write(to: URL(fileURLWithPath: path))
        return data.count
    }
}
