import ArgumentParser
import BulletinDesk
import Foundation
import Logging
import ServiceLifecycle
import SyncClient

/// `bulletin ui [--store PATH] [--port N] [--host 127.0.0.1] [--no-open] [--lang vi|en]`: the editor's desk.
struct UICommand: StreamingBulletinCommand {
    static let configuration = CommandConfiguration(
        commandName: "ui",
        abstract: "Open the editor's desk: a web app over the local store, in the browser.",
        discussion: """
            Serves the desk on the loopback address and prints its URL (with a key for this launch only) on one \
            line. Works offline; when the store has a server it syncs in the background like `sync --watch`. \
            Ctrl-C stops it.
            """)

    @OptionGroup var store: StoreOption
    @Option(help: "The port (0 picks a free one).") var port = 0
    @Option(help: ArgumentHelp("The address to serve on (loopback by default).", valueName: "address"))
    var host = "127.0.0.1"
    @Flag(name: .customLong("no-open"), help: "Do not open the browser.") var noOpen = false
    @Option(help: ArgumentHelp("The desk's language: vi (default) or en.", valueName: "vi|en")) var lang: String?

    func validate() throws {
        if let lang, DeskLanguage(rawValue: lang) == nil {
            throw ValidationError("--lang must be vi or en")
        }
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run(using cli: BulletinCLI, output: CommandOutput) async throws {
        var options = cli.context.storeOptions
        options.concurrentReads = true
        let path = try StoreLocation.path(explicit: store.store, environment: cli.context.environment)
        let local = try LocalStore.open(at: path, options: options)
        var logger = Logger(label: "bulletin.ui")
        logger.logLevel = .warning
        let desk = try Desk(store: local, options: DeskOptions(language: lang.flatMap(DeskLanguage.init(rawValue:))))
        let host = self.host
        let open = !noOpen
        let application = desk.application(host: host, port: port, logger: logger) { bound in
            let url = desk.url(host: host, port: bound)
            output.write(url + "\n")
            if open { BrowserOpener.open(url) }
        }
        let sync = BackgroundSync(
            store: local, status: desk.status, events: desk.events, logger: logger,
            clock: { Int64(Date().timeIntervalSince1970 * 1000) })
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [
                    .init(service: application), .init(service: sync),
                    .init(service: EventsCloser(events: desk.events)),
                ],
                gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}

/// Opens a URL in the system browser when there is one to open.
enum BrowserOpener {
    static func open(_ url: String) {
        #if os(macOS)
        let tool = "/usr/bin/open"
        #else
        let environment = ProcessInfo.processInfo.environment
        guard environment["DISPLAY"] != nil || environment["WAYLAND_DISPLAY"] != nil else { return }
        let tool = "/usr/bin/xdg-open"
        #endif
        guard FileManager.default.isExecutableFile(atPath: tool) else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = [url]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try? process.run()
    }
}
