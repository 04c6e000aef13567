import BulletinCore
import Foundation
import SyncProtocol

extension ConflictInfo {
    /// The value a person's own resolution text stands for: paragraphs (separated by blank lines) for article text,
    /// one line of text for a text field, JSON for anything else — what `bulletin resolve --file` and the web app's
    /// merged-text form both write.
    ///
    /// - Parameter source: Names the text in messages, e.g. the file it came from.
    /// - Throws: ``StoreError/invalidArgument(_:)`` for a conflict about a whole entity, an empty text, or text that
    ///   is not JSON where the field takes JSON.
    public func resolutionValue(fromText text: String, source: String) throws -> JSONValue {
        guard let field else {
            throw StoreError.invalidArgument(
                "conflict \(id.prefix(8)) is about the whole \(entity.rawValue); "
                    + "resolve it with --take mine or --take theirs")
        }
        let sample = current.isNull ? mine : current
        if field == "paragraphs" {
            return .array(BodyText.paragraphs(text).map(JSONValue.string))
        }
        if sample.stringValue != nil {
            let line = BodyText.paragraphs(text).joined(separator: " ")
            guard !line.isEmpty else {
                throw StoreError.invalidArgument("\(source) is empty; nothing was changed")
            }
            return .string(line)
        }
        do {
            return try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        } catch {
            throw StoreError.invalidArgument(
                "the field '\(field)' takes a JSON value; \(source) is not JSON (e.g. write {\"outlet\": …})")
        }
    }
}
