import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// The operator's HTTP listener (`--metrics HOST:PORT`): `/metrics` in the Prometheus text format, `/healthz` (the
/// process runs) and `/readyz` (the store answers, the listener accepts, no shutdown has begun).
///
/// Kept apart from the sync port so that it can stay on loopback, or a monitoring network, whatever the sync port is.
public struct OperationsEndpoint: Service {
    private let application: Application<RouterResponder<BasicRequestContext>>

    /// An endpoint for `server` on `host`:`port` (port 0 picks a free one); `onListening` is told the bound port.
    public init(
        server: Server, host: String, port: Int, logger: Logger,
        onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) {
        application = Application(
            router: Self.router(for: server),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? port) },
            logger: logger)
    }

    /// Serves until the surrounding service group shuts down.
    public func run() async throws {
        try await application.run()
    }

    /// The routes, over `server`.
    public static func router(for server: Server) -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/metrics") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: await server.metricsExposition())))
        }
        router.get("/healthz") { _, _ in
            Self.text(.ok, "ok: the process runs")
        }
        router.get("/readyz") { _, _ in
            let (ready, reason) = await server.readiness()
            return Self.text(ready ? .ok : .serviceUnavailable, reason)
        }
        return router
    }

    private static func text(_ status: HTTPResponse.Status, _ line: String) -> Response {
        Response(
            status: status, headers: [.contentType: "text/plain; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: line + "\n")))
    }
}
