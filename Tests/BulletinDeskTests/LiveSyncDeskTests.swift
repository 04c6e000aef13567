import BulletinCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import ServiceLifecycle
import SyncClient
import SyncProtocol
import SyncServer
import TestSupport
import Testing

@testable import BulletinDesk

private let quiet = Logger(label: "desk-tests") { _ in SwiftLogNoOpLogHandler() }

/// Runs an in-process sync server on loopback while `body` runs.
private func withServer<Result: Sendable>(in directory: String, _ body: (Server) async throws -> Result)
    async throws -> Result
{
    let configuration = ServerConfiguration(host: "127.0.0.1", port: 0, dataDirectory: directory)
    return try await Server.withRunning(
        configuration: configuration, logger: quiet,
        authenticator: AllowAllAuthenticator(), body)
}

@Suite("The desk over a real sync server: conflicts, background sync, live events")
struct LiveSyncDeskTests {
    @Test("Two editors change the same sentence offline; the desk shows the conflict side by side and resolves it")
    func conflictSideBySide() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try await withTimeout(seconds: 120) {
            try await withServer(in: directory.file("server")) { server in
                let address = ServerAddress(host: "127.0.0.1", port: server.port)
                let hong = try LocalStore.create(at: directory.file("hong.sqlite"), editor: "Thanh Hồng")
                let minh = try LocalStore.create(at: directory.file("minh.sqlite"), editor: "Văn Minh")
                let issue = try hong.importBulletin(text: try DeskFixture.sample())
                _ = try await SyncRunner(store: hong, address: address, logger: quiet).syncOnce()
                _ = try await SyncRunner(store: minh, address: address, logger: quiet).syncOnce()
                let article = try hong.issue(issue.id).articles[2]
                var mine = article.paragraphs
                mine[0] = mine[0].replacingOccurrences(of: "5.700", with: "5.800")
                var theirs = article.paragraphs
                theirs[0] = theirs[0].replacingOccurrences(of: "5.700", with: "6.000")
                try hong.editArticle(article.id, paragraphs: mine)
                try minh.editArticle(article.id, paragraphs: theirs)
                _ = try await SyncRunner(store: hong, address: address, logger: quiet).syncOnce()
                _ = try await SyncRunner(store: minh, address: address, logger: quiet).syncOnce()
                _ = try await SyncRunner(store: hong, address: address, logger: quiet).syncOnce()
                let conflict = try #require(try minh.conflicts().first)

                // The side-by-side view's interface text comes from the catalog too: rendered with a marker catalog,
                // every text on it is a marker or words of the two versions and their authors.
                var marked = DeskOptions(utcOffsetSeconds: 0, role: { _ in .editor })
                marked.catalogOverride = CatalogCoverageTests.markerCatalog()
                let markedDesk = try Desk(store: minh, options: marked, secrets: DeskFixture.secrets)
                markedDesk.hosts.allow(host: "127.0.0.1", port: 4242)
                let versions = [article.title, "Thanh Hồng", "Văn Minh"] + article.paragraphs + mine + theirs
                try await Application(router: markedDesk.router()).test(.router) { client in
                    let html = try await client.get("/conflicts/\(conflict.id)").text
                    let words = Set(
                        versions
                            .flatMap { $0.split(whereSeparator: \.isWhitespace).map(String.init) })
                    let stray = CatalogCoverageTests.userTexts(html).filter {
                        !CatalogCoverageTests.accounted($0, content: words)
                    }
                    #expect(stray == [])
                }

                let desk = try Desk(
                    store: minh, options: DeskOptions(utcOffsetSeconds: 0, role: { _ in .editor }),
                    secrets: DeskFixture.secrets)
                desk.hosts.allow(host: "127.0.0.1", port: 4242)
                let application = Application(router: desk.router())
                try await application.test(.router) { client in
                    let list = try await client.get("/conflicts").text
                    #expect(list.contains("data-conflict=\"\(conflict.id)\""))
                    let issuePage = try await client.get("/issues/\(issue.id)").text
                    #expect(issuePage.contains("id=\"a-\(article.id)-conflict\""))
                    let page = try await client.get("/conflicts/\(conflict.id)").text
                    #expect(page.contains("id=\"side-base\""))
                    #expect(page.contains("<del>"))
                    #expect(page.contains("<ins>"))
                    #expect(page.contains("Văn Minh"))
                    #expect(page.contains("id=\"resolve-merged-text\""))
                    let merged = ParagraphText.join(
                        article.paragraphs.enumerated().map { index, text in
                            index == 0 ? text.replacingOccurrences(of: "5.700", with: "5.900") : text
                        })
                    let resolved = try await client.post(
                        "/conflicts/\(conflict.id)/resolve",
                        [
                            ("take", "merged"), ("merged", merged),
                        ])
                    #expect(resolved.status == .seeOther)
                    let again = try await client.post("/conflicts/\(conflict.id)/resolve", [("take", "mine")])
                    #expect(again.status == .conflict)
                }
                #expect(try minh.conflicts().isEmpty)
                #expect(try minh.articleText(article.id).paragraphs[0].contains("5.900"))
                // The resolution syncs like any edit.
                _ = try await SyncRunner(store: minh, address: address, logger: quiet).syncOnce()
                _ = try await SyncRunner(store: hong, address: address, logger: quiet).syncOnce()
                #expect(try hong.articleText(article.id).paragraphs[0].contains("5.900"))
                #expect(try hong.conflicts().isEmpty)
            }
        }
    }

    @Test("Background sync reports online, and a colleague's change reaches the open pages as an event")
    func backgroundSyncAndEvents() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try await withTimeout(seconds: 120) {
            try await withServer(in: directory.file("server")) { server in
                let address = ServerAddress(host: "127.0.0.1", port: server.port)
                let hong = try LocalStore.create(
                    at: directory.file("hong.sqlite"), editor: "Thanh Hồng",
                    options: LocalStoreOptions(concurrentReads: true))
                let minh = try LocalStore.create(at: directory.file("minh.sqlite"), editor: "Văn Minh")
                let issue = try minh.importBulletin(text: try DeskFixture.sample())
                _ = try await SyncRunner(store: minh, address: address, logger: quiet).syncOnce()
                try hong.setServerAddress(address.description)
                let desk = try Desk(store: hong, secrets: DeskFixture.secrets)
                let events = desk.events.subscribe()
                let sync = BackgroundSync(
                    store: hong, status: desk.status, events: desk.events, logger: quiet,
                    clock: { 0 })
                let group = ServiceGroup(
                    configuration: ServiceGroupConfiguration(
                        services: [.init(service: sync)], logger: quiet))
                try await withThrowingTaskGroup(of: Void.self) { tasks in
                    tasks.addTask { try await group.run() }
                    var iterator = events.makeAsyncIterator()
                    // The first events: connected, then the initial pull.
                    while try hong.issueSummaries().isEmpty {
                        guard await iterator.next() != nil else { throw StreamEnded() }
                    }
                    #expect(desk.status.current.connection == .online)
                    #expect(desk.status.current.lastSyncMillis != nil)
                    let article = try minh.issue(issue.id).articles[0]
                    try minh.editArticle(article.id, title: "Tin mới từ Văn Minh")
                    _ = try await SyncRunner(store: minh, address: address, logger: quiet).syncOnce()
                    while try hong.articleText(article.id).title != "Tin mới từ Văn Minh" {
                        guard await iterator.next() != nil else { throw StreamEnded() }
                    }
                    await group.triggerGracefulShutdown()
                    try await tasks.waitForAll()
                }
            }
        }
    }

    @Test("Events fan out to every subscriber and end at shutdown")
    func eventsFanOut() async throws {
        let events = DeskEvents()
        let first = events.subscribe()
        let second = events.subscribe()
        events.changed()
        var a = first.makeAsyncIterator()
        var b = second.makeAsyncIterator()
        #expect(await a.next() == 1)
        #expect(await b.next() == 1)
        events.finish()
        #expect(await a.next() == nil)
        #expect(await b.next() == nil)
        var late = events.subscribe().makeAsyncIterator()
        #expect(await late.next() == nil)
    }
}

/// The event stream ended before the expected state was reached.
private struct StreamEnded: Error {}
