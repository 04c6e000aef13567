import SyncProtocol

/// Everything the local store refuses to do, with a message an editor can act on.
public enum StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// There is no store file at the path.
    case missingStore(path: String)
    /// A store already exists where a new one was to be created.
    case storeExists(path: String)
    /// The file is an SQLite database but not an initialised BulletinSync store.
    case notAStore(path: String)
    /// The store was last opened by a newer `bulletin`, whose schema this one does not know.
    case newerStore(path: String)
    /// No issue matches the reference.
    case unknownIssue(String)
    /// More than one issue matches the reference; `candidates` lists some of them.
    case ambiguousIssue(String, candidates: [String])
    /// No article matches the reference.
    case unknownArticle(String)
    /// More than one article matches the reference.
    case ambiguousArticle(String, candidates: [String])
    /// The issue has no section with that number.
    case unknownSection(issue: String, number: Int, count: Int)
    /// An issue for that date already exists.
    case duplicateIssueDate(date: String, existingID: String)
    /// A publication state change that does not move forward.
    case stateNotForward(from: String, to: String)
    /// An argument a command needs is malformed.
    case invalidArgument(String)
    /// A change record names a field with a value of the wrong type.
    case invalidField(entity: EntityKind, id: String, field: String, expected: String)
    /// A change made here breaks the data contract (a local bug): it was not queued, and nothing of the action
    /// remains.
    case contractViolation(ContractViolation)
    /// A pulled change record has no server `seq`.
    case missingSeq(changeID: String)
    /// A pulled page would move the cursor backwards.
    case cursorWentBack(current: Int64, proposed: Int64)
    /// A stored row (an outbox or log row, an article's paragraphs) could not be decoded.
    case corruptRow(table: String, key: String, reason: String)
    /// A pulled record's text edit was made against paragraphs this replica does not hold; the sync pulls the full
    /// records instead.
    case staleTextEdit(changeID: String)
    /// No conflict matches the reference.
    case unknownConflict(String)
    /// More than one conflict matches the reference.
    case ambiguousConflict(String, candidates: [String])

    /// One line for a person.
    public var description: String {
        switch self {
        case .missingStore(let path):
            "no store at \(path); run `bulletin init` first (or pass --store / set BULLETIN_STORE)"
        case .storeExists(let path):
            "a store already exists at \(path)"
        case .newerStore(let path):
            "the store \(path) was made or upgraded by a newer bulletin; install that version (or newer) to open it"
        case .notAStore(let path):
            "\(path) is not a bulletin store"
        case .unknownIssue(let reference):
            "no issue matches '\(reference)' (use an id, a unique id prefix or a date YYYY-MM-DD)"
        case .ambiguousIssue(let reference, let candidates):
            "'\(reference)' matches several issues: \(candidates.joined(separator: ", ")); give more of the id"
        case .unknownArticle(let reference):
            "no article matches '\(reference)' (use DATE/N, an id or a unique id prefix)"
        case .ambiguousArticle(let reference, let candidates):
            "'\(reference)' matches several articles: \(candidates.joined(separator: ", ")); give more of the id"
        case .unknownSection(let issue, let number, let count):
            count == 0
                ? "issue \(issue) has no sections yet; add one with `bulletin section add`"
                : "issue \(issue) has no section \(number) (it has \(count))"
        case .duplicateIssueDate(let date, let existingID):
            "an issue for \(date) already exists (id \(existingID))"
        case .stateNotForward(let from, let to):
            "cannot move an issue from \(from) to \(to): states only move forward "
                + "(draft → review → approved → published)"
        case .invalidArgument(let message):
            message
        case .invalidField(let entity, let id, let field, let expected):
            "\(entity.rawValue) \(id): field '\(field)' must be \(expected)"
        case .contractViolation(let violation):
            "this change breaks the data contract and was not saved (\(violation.code.name)): \(violation.reason)"
        case .missingSeq(let changeID):
            "pulled change \(changeID) has no seq"
        case .cursorWentBack(let current, let proposed):
            "a pulled page would move the cursor back from \(current) to \(proposed)"
        case .corruptRow(let table, let key, let reason):
            "the store's \(table) row \(key) is unreadable: \(reason)"
        case .staleTextEdit(let changeID):
            "pulled change \(changeID) is a text edit of paragraphs this replica does not hold"
        case .unknownConflict(let reference):
            "no conflict matches '\(reference)' (use an id or a unique id prefix; `bulletin conflicts` lists them)"
        case .ambiguousConflict(let reference, let candidates):
            "'\(reference)' matches several conflicts: \(candidates.joined(separator: ", ")); give more of the id"
        }
    }
}
