import BulletinFormat
import SyncClient

/// A request the desk refuses, shown to the editor as a page in their language.
struct DeskFailure: Error, Sendable {
    /// The HTTP status.
    var status: Int
    /// The catalog key of the message.
    var key: String
    /// Its placeholders.
    var values: [String: String] = [:]

    static let notFound = DeskFailure(status: 404, key: "error.not_found")
    static let forbiddenHost = DeskFailure(status: 403, key: "error.bad_host")
    static let noSession = DeskFailure(status: 403, key: "error.no_session")
    static let badToken = DeskFailure(status: 403, key: "error.bad_csrf")
    static let notAllowed = DeskFailure(status: 403, key: "error.not_allowed")

    /// A 400 with a reason.
    static func badRequest(_ key: String, _ values: [String: String] = [:]) -> DeskFailure {
        DeskFailure(status: 400, key: key, values: values)
    }

    /// The failure for an error the library threw: looked up by its case, never by its English text.
    static func from(_ error: any Error) -> DeskFailure {
        if let failure = error as? DeskFailure { return failure }
        if let store = error as? StoreError {
            switch store {
            case .unknownIssue, .unknownArticle, .unknownConflict, .unknownSection:
                return .notFound
            case .ambiguousIssue, .ambiguousArticle, .ambiguousConflict:
                return .notFound
            case .duplicateIssueDate(let date, _):
                return DeskFailure(status: 409, key: "error.duplicate_issue", values: ["date": date])
            case .stateNotForward:
                return DeskFailure(status: 409, key: "error.state_not_forward")
            case .invalidArgument:
                return .badRequest("error.invalid_input")
            case .contractViolation(let violation):
                // A local bug, not the editor's input: said plainly, with the rule's stable code for a report.
                return DeskFailure(status: 500, key: "error.contract", values: ["code": violation.code.name])
            default:
                return DeskFailure(status: 500, key: "error.store")
            }
        }
        if error is BulletinImportError { return .badRequest("error.import_malformed") }
        if error is PublicationRefusal { return DeskFailure(status: 409, key: "error.signature") }
        return DeskFailure(status: 500, key: "error.internal")
    }
}
