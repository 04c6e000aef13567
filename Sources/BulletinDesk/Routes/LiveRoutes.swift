import Hummingbird
import ServiceLifecycle

/// `/events`: Server-Sent Events. Each event carries the desk's change version; the page's script then re-reads
/// the page and updates what is not being edited.
enum LiveRoutes {
    static func register(on router: Router<BasicRequestContext>, desk: Desk) {
        router.get("/events") { _, _ -> Response in
            let updates = desk.events.subscribe()
            let start = desk.events.version
            return Response(
                status: .ok,
                headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
                body: ResponseBody { writer in
                    try await writer.write(ByteBuffer(string: "retry: 1000\nevent: hello\ndata: \(start)\n\n"))
                    // The stream also ends at graceful shutdown: the server waits for open requests, and an event
                    // stream would otherwise keep it (and Ctrl-C) waiting forever.
                    for await version in updates.cancelOnGracefulShutdown() {
                        try await writer.write(ByteBuffer(string: "event: change\ndata: \(version)\n\n"))
                    }
                    try await writer.finish(nil)
                })
        }
    }
}

/// The stylesheet and the script, compiled into the binary.
enum AssetRoutes {
    static let css = ByteBuffer(bytes: PackageResources.desk_css)
    static let script = ByteBuffer(bytes: PackageResources.desk_js)

    static func register(on router: Router<BasicRequestContext>) {
        router.get("/assets/desk.css") { _, _ -> Response in
            Response(
                status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "no-cache"],
                body: ResponseBody(byteBuffer: css))
        }
        // No icon: an empty answer instead of a 404 in the browser's console.
        router.get("/favicon.ico") { _, _ -> Response in Response(status: .noContent) }
        router.get("/assets/desk.js") { _, _ -> Response in
            Response(
                status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-cache"],
                body: ResponseBody(byteBuffer: script))
        }
    }
}
