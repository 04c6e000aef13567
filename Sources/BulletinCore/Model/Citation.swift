/// Where an article was first published: "(Baophapluat.vn 05/9, Lê Hồng)".
public struct Citation: Codable, Sendable, Hashable {
    /// The outlet, e.g. `Baophapluat.vn`.
    public var outlet: String
    /// The day/month as written, e.g. `05/9`.
    public var date: String
    /// Zero or more authors, in the order written.
    public var authors: [String]

    /// Creates a citation.
    public init(outlet: String, date: String, authors: [String]) {
        self.outlet = outlet
        self.date = date
        self.authors = authors
    }
}
