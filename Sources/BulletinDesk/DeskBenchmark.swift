import Hummingbird

/// Server-side rendering of the desk's two heaviest pages, for `bulletin-bench ui`: the same code the routes run
/// (store reads on the thread pool, page building, escaping), without the network.
public enum DeskBenchmark {
    /// Renders the issues list; returns the page's size in bytes.
    public static func renderIssuesList(_ desk: Desk) async throws -> Int {
        let response = try await IssueRoutes.issuesPage(desk, request("/"))
        return response.body.contentLength ?? 0
    }

    /// Renders an issue's page; returns its size in bytes.
    public static func renderIssuePage(_ desk: Desk, issueID: String) async throws -> Int {
        let response = try await IssueRoutes.issuePage(desk, request("/issues/\(issueID)"), id: issueID, editing: nil)
        return response.body.contentLength ?? 0
    }

    private static func request(_ path: String) -> Request {
        Request(
            head: HTTPRequest(method: .get, scheme: "http", authority: "127.0.0.1", path: path),
            body: RequestBody(buffer: ByteBuffer()))
    }
}
