import BulletinCore
import Foundation
import Hummingbird
import Logging
import NIOConcurrencyHelpers
import ServiceLifecycle
import SyncClient

/// How a desk behaves beyond its store.
public struct DeskOptions: Sendable {
    /// The language chosen on the command line (`--lang`); otherwise the stored choice, then `Accept-Language`.
    public var language: DeskLanguage?
    /// The editor's offset from UTC, for times.
    public var utcOffsetSeconds: Int
    /// The wall clock, Unix milliseconds.
    public var clock: @Sendable () -> Int64
    /// Finds the user's role; tests replace it. Defaults to ``DeskRole``'s lookup.
    public var role: @Sendable (LocalStore) throws -> DeskRole
    /// Replaces both catalogs (tests render with a marker catalog to find text that does not come from one).
    var catalogOverride: Catalog?

    /// Creates options.
    public init(
        language: DeskLanguage? = nil, utcOffsetSeconds: Int = TimeZone.current.secondsFromGMT(),
        clock: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970 * 1000) },
        role: @escaping @Sendable (LocalStore) throws -> DeskRole = DeskRole.lookup
    ) {
        self.language = language
        self.utcOffsetSeconds = utcOffsetSeconds
        self.clock = clock
        self.role = role
    }
}

/// The editor's desk: a web front end over one local store, served on loopback.
///
/// It owns the per-launch secrets, the allowed host names, the live-update broadcaster and the background sync's
/// status; ``router()`` builds the routes, ``application(host:port:logger:onReady:)`` the server.
public final class Desk: Sendable {
    /// Runs store calls off the cooperative pool.
    public let worker: StoreWorker
    /// The per-launch secrets.
    public let secrets: LaunchSecrets
    /// The host names the desk answers to.
    public let hosts: HostGate
    /// Tells open pages that something changed.
    public let events: DeskEvents
    /// The background sync's status.
    public let status: SyncStatusBox
    let options: DeskOptions
    private let chosenLanguage: NIOLockedValueBox<DeskLanguage?>

    /// Creates a desk over `store`, reading the remembered language.
    public init(store: LocalStore, options: DeskOptions = DeskOptions(), secrets: LaunchSecrets = LaunchSecrets())
        throws
    {
        worker = StoreWorker(store: store)
        self.secrets = secrets
        self.options = options
        hosts = HostGate()
        events = DeskEvents()
        status = SyncStatusBox()
        let stored = try store.setting(DeskLanguage.settingKey).flatMap(DeskLanguage.init(rawValue:))
        chosenLanguage = NIOLockedValueBox(options.language ?? stored)
    }

    /// The URL to open: the served address with the per-launch key.
    public func url(host: String, port: Int) -> String {
        let name = host.contains(":") ? "[\(host)]" : host
        return "http://\(name):\(port)/?key=\(secrets.urlKey)"
    }

    /// The language for a request: the editor's choice, else the browser's, else Vietnamese.
    func language(for request: Request) -> DeskLanguage {
        if let chosen = chosenLanguage.withLockedValue({ $0 }) { return chosen }
        if let header = request.headers[.acceptLanguage], let preferred = DeskLanguage.preferred(acceptLanguage: header)
        {
            return preferred
        }
        return .vi
    }

    /// Remembers the editor's language choice (in memory and in the store).
    func choose(_ language: DeskLanguage) async throws {
        try await worker.run { store in try store.setSetting(DeskLanguage.settingKey, to: language.rawValue) }
        chosenLanguage.withLockedValue { $0 = language }
    }

    /// Builds a page's environment: language, role and the status line's counts (one trip to the store).
    func env(for request: Request) async throws -> PageEnv {
        let language = language(for: request)
        let catalog = options.catalogOverride ?? Catalog.builtIn(language)
        let roleLookup = options.role
        let (role, pending, conflicts, refusals) = try await worker.run { store in
            let refused = try store.rejectedChanges()
            var byCode: [String: Int] = [:]
            for change in refused { byCode[change.code ?? "other", default: 0] += 1 }
            return (try roleLookup(store), try store.pendingCount(), try store.openConflictCount(), byCode)
        }
        var path = request.uri.path
        if let query = request.uri.query, !query.isEmpty { path += "?" + query }
        return PageEnv(
            catalog: catalog, format: DeskFormat(catalog: catalog, utcOffsetSeconds: options.utcOffsetSeconds),
            csrf: secrets.csrf, path: path, role: role,
            status: StatusSnapshot(sync: status.current, pending: pending, conflicts: conflicts, refusals: refusals),
            now: options.clock())
    }

    /// A store call made on behalf of a request; every open page hears of it when it changed something.
    @discardableResult
    func change<Value: Sendable>(_ body: @escaping @Sendable (LocalStore) throws -> Value) async throws -> Value {
        let value = try await worker.run(body)
        events.changed()
        return value
    }

    /// A read-only store call.
    func read<Value: Sendable>(_ body: @escaping @Sendable (LocalStore) throws -> Value) async throws -> Value {
        try await worker.run(body)
    }

    /// The routes.
    public func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: DeskGuard(desk: self))
        DeskRoutes.register(on: router, desk: self)
        return router
    }

    /// The HTTP server on `host:port` (port 0 picks a free one), calling `onReady` with the bound port.
    public func application(
        host: String, port: Int, logger: Logger,
        onReady: @escaping @Sendable (Int) async -> Void
    ) -> some ApplicationProtocol {
        let hosts = self.hosts
        return Application(
            router: router(),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in
                let bound = channel.localAddress?.port ?? port
                hosts.allow(host: host, port: bound)
                await onReady(bound)
            },
            logger: logger)
    }
}

/// Ends the live-update streams at shutdown, so that the server's open event streams finish and it can stop. Run it
/// after the application in the same service group (services stop in reverse order).
public struct EventsCloser: Service {
    let events: DeskEvents

    /// Creates the closer for `events`.
    public init(events: DeskEvents) {
        self.events = events
    }

    /// Waits for graceful shutdown, then ends every event stream.
    public func run() async throws {
        try? await gracefulShutdown()
        events.finish()
    }
}
