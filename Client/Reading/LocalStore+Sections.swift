import GRDB

extension LocalStore {
    /// The issue a live section belongs to; `nil` when no live section has this exact id.
    public func sectionIssueID(_ sectionID: String) throws -> String? {
        try writer.read { db in
            try String.fetchOne(
                db, sql: "SELECT issue_id FROM section WHERE id = ? AND deleted = 0",
                arguments: [sectionID.lowercased()])
        }
    }

    /// The issue a live annotation belongs to and its article; `nil` when no live annotation has this exact id.
    public func annotationLocation(_ annotationID: String) throws -> (issueID: String, articleID: String)? {
        try writer.read { db in
            try Row.fetchOne(
                db, sql: "SELECT issue_id, article_id FROM annotation WHERE id = ? AND deleted = 0",
                arguments: [annotationID.lowercased()]
            ).map { ($0["issue_id"], $0["article_id"]) }
        }
    }
}
