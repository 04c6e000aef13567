import BulletinCore
import SyncProtocol

/// Rebuilds `paragraphs` that a client pushed as a text edit (``ParagraphsPayload``) into the full value, against
/// the base value the server reconstructs (see ``BaseValues``). The log always stores full values.
enum InboundEdits {
    /// The field that may travel as an edit.
    static let field = "paragraphs"

    /// Whether `change` carries its paragraphs as a text edit (an object), which ``rebuild(_:_:)`` replaces.
    static func carriesEdit(_ change: ChangeRecord) -> Bool {
        guard case .object = change.fields[field] else { return false }
        return true
    }

    /// Replaces a text edit in `change` by the full paragraphs; returns why it cannot, or `nil` when the change
    /// carried no edit or it was rebuilt. A client that gets the reason back sends the full value instead.
    static func rebuild(_ change: inout ChangeRecord, _ store: any StoreReader) throws -> String? {
        guard carriesEdit(change), let payload = change.fields[field] else { return nil }
        guard change.op == .update, change.entity == .article else {
            return "only an update of an article may carry paragraphs as a text edit; send the full value"
        }
        guard let version = change.base[field] else {
            return "a text edit of paragraphs needs the base version it was made against (base.paragraphs)"
        }
        let edit: TextEdit
        do {
            edit = try TextEdit(jsonValue: payload)
        } catch {
            return "\(error.description); send the full value"
        }
        for candidate in try BaseValues.candidates(version: version, field: field, for: change, store) {
            guard let base = candidate.stringArray, let rebuilt = try? edit.apply(to: base) else { continue }
            change.fields[field] = .array(rebuilt.map(JSONValue.string))
            return nil
        }
        return "cannot rebuild paragraphs from the text edit: the server does not hold the version \(version) "
            + "it was made against; send the full value"
    }
}
