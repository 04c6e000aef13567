/// Errors of the `bulletin` commands themselves (files, editor, arguments), with a message a person can act on.
enum CommandError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A file could not be read.
    case cannotRead(path: String, reason: String)
    /// A file is not UTF-8 text.
    case notText(path: String)
    /// A file's content is not what the command reads (e.g. not a bulletin).
    case malformedFile(path: String, reason: String)
    /// A file could not be written.
    case cannotWrite(path: String, reason: String)
    /// No store path could be worked out.
    case noStoreLocation
    /// `$EDITOR` is not set.
    case noEditor
    /// The editor exited unsuccessfully.
    case editorFailed(command: String, status: Int32)
    /// An argument has a value outside its allowed set.
    case invalidValue(option: String, value: String, allowed: [String])
    /// An argument is malformed.
    case invalidArgument(String)

    /// One line for a person.
    var description: String {
        switch self {
        case .cannotRead(let path, let reason):
            "cannot read \(path): \(reason)"
        case .notText(let path):
            "\(path) is not UTF-8 text"
        case .malformedFile(let path, let reason):
            "\(path): \(reason)"
        case .cannotWrite(let path, let reason):
            "cannot write \(path): \(reason)"
        case .noStoreLocation:
            "cannot tell where the store is: pass --store PATH or set BULLETIN_STORE, XDG_DATA_HOME or HOME"
        case .noEditor:
            "EDITOR is not set; set it or pass --title and/or --body-file"
        case .editorFailed(let command, let status):
            "the editor '\(command)' exited with status \(status); nothing was changed"
        case .invalidValue(let option, let value, let allowed):
            "'\(value)' is not a valid \(option) (use one of: \(allowed.joined(separator: ", ")))"
        case .invalidArgument(let message):
            message
        }
    }
}
