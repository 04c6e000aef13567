import BulletinCore
import Foundation
import Hummingbird
import HummingbirdTesting
import SyncClient
import TestSupport

@testable import BulletinDesk

/// A desk over a real store file holding the sample bulletin, with fixed secrets and a fixed clock, and helpers
/// that send requests as the desk's own pages do (right Host, session cookie, CSRF token).
struct DeskFixture: Sendable {
    let directory: TemporaryDirectory
    let store: LocalStore
    let desk: Desk
    let issueID: String

    static let secrets = LaunchSecrets(urlKey: "launch-key", session: "session-value", csrf: "csrf-token")
    static let host = "127.0.0.1:4242"
    /// 2024-09-05 14:05 UTC.
    static let now: Int64 = 1_725_545_100_000

    init(
        role: DeskRole = .editor, language: DeskLanguage? = nil, catalog: Catalog? = nil,
        editor: String = "Thanh Hồng", importSample: Bool = true
    ) throws {
        directory = try TemporaryDirectory()
        store = try LocalStore.create(
            at: directory.file("store.sqlite"), editor: editor,
            options: LocalStoreOptions(wallClock: { Self.now }, concurrentReads: true))
        if importSample {
            issueID = try store.importBulletin(text: try Self.sample()).id
        } else {
            issueID = ""
        }
        var options = DeskOptions(
            language: language, utcOffsetSeconds: 7 * 3600, clock: { Self.now },
            role: { _ in role })
        options.catalogOverride = catalog
        desk = try Desk(store: store, options: options, secrets: Self.secrets)
        desk.hosts.allow(host: "127.0.0.1", port: 4242)
    }

    private static let supportFile = #filePath

    /// The sample bulletin (the same file the format tests use).
    static func sample() throws -> String {
        let url = URL(fileURLWithPath: supportFile).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("BulletinFormatTests/Fixtures/bulletin-2024-09-05.txt")
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// Runs `body` with a test client over the desk's router.
    func run<Value: Sendable>(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Value)
        async throws -> Value
    {
        let application = Application(router: desk.router())
        return try await withTimeout(seconds: 60) {
            try await application.test(.router) { client in try await body(client) }
        }
    }

    /// Headers of a request from the desk's own page.
    static func headers(cookie: Bool = true, host: String = DeskFixture.host, extra: HTTPFields = [:]) -> HTTPFields {
        var fields: HTTPFields = [.init("Host")!: host]
        if cookie { fields[.cookie] = "\(LaunchSecrets.cookieName)=session-value" }
        fields.append(contentsOf: extra)
        return fields
    }

    /// A URL-encoded form body with the CSRF token (unless `csrf` is nil).
    static func form(_ fields: [(String, String)], csrf: String? = "csrf-token") -> ByteBuffer {
        var all = fields
        if let csrf { all.append(("_csrf", csrf)) }
        let text = all.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&")
        return ByteBuffer(string: text)
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    static let formType: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
}

extension TestClientProtocol {
    /// GET as the desk's page would.
    func get(_ uri: String, headers: HTTPFields = DeskFixture.headers()) async throws -> TestResponse {
        try await execute(uri: uri, method: .get, headers: headers)
    }

    /// POST a form as the desk's page would.
    func post(
        _ uri: String, _ fields: [(String, String)], csrf: String? = "csrf-token",
        headers: HTTPFields = DeskFixture.headers(extra: DeskFixture.formType)
    ) async throws -> TestResponse {
        try await execute(uri: uri, method: .post, headers: headers, body: DeskFixture.form(fields, csrf: csrf))
    }
}

extension TestResponse {
    /// The body as text.
    var text: String { String(buffer: body) }
}
