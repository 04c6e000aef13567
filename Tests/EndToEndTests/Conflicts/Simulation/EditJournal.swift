import BulletinCore
import Foundation
import SyncProtocol

/// What the editors of a simulated scenario did, kept to check that nothing was lost silently.
///
/// Every edit puts unique markers (`mốc17x`) into text and unique values into single-value fields. At the end each
/// marker an edit inserted must be in the final text, or have been removed by an editor who had it in front of
/// them, or be recorded in a conflict; each marker an editor removed must be gone, or be in a conflict. Each value
/// set must be the final value, or have been overwritten by an editor who saw it, or be in a conflict.
struct EditJournal: Sendable {
    /// Markers inserted into an article's text, by article id.
    var inserted: [String: Set<String>] = [:]
    /// Markers an editor removed while seeing them, by article id.
    var removed: [String: Set<String>] = [:]
    /// Values set, by "kind/id/field".
    var values: [String: Set<String>] = [:]
    /// Values an editor replaced while seeing them, by "kind/id/field".
    var overwritten: [String: Set<String>] = [:]
    /// Annotations created.
    var annotations: Set<String> = []
    /// Annotations marked resolved.
    var resolvedAnnotations: Set<String> = []
    /// Articles an editor deleted.
    var deletedArticles: Set<String> = []
    /// The furthest publication state asked for.
    var furthestState = PublicationState.draft
    private var counter = 0

    /// A new unique marker word.
    mutating func marker() -> String {
        counter += 1
        return "mốc\(counter)x"
    }

    /// The markers in a text.
    static func markers(in paragraphs: [String]) -> Set<String> {
        var found: Set<String> = []
        for paragraph in paragraphs {
            for match in paragraph.matches(of: /mốc[0-9]+x/) { found.insert(String(match.output)) }
        }
        return found
    }

    /// Records an edit of an article's text from `before` (what the editor saw) to `after`.
    mutating func text(_ article: String, before: [String], after: [String]) {
        let old = Self.markers(in: before)
        let new = Self.markers(in: after)
        inserted[article, default: []].formUnion(new.subtracting(old))
        removed[article, default: []].formUnion(old.subtracting(new))
    }

    /// Records a single value set from `before` (what the editor saw) to `after`.
    mutating func value(_ key: String, before: String?, after: String) {
        values[key, default: []].insert(after)
        if let before, before != after { overwritten[key, default: []].insert(before) }
    }
}

/// The final state a journal is checked against: the server's entities and the text of its conflicts.
struct FinalState {
    /// kind/id → state.
    var entities: [String: EntityState]

    /// The JSON text of every conflict about one entity, for "recorded in a conflict".
    func conflictText(about id: String) -> String {
        entities.filter { $0.key.hasPrefix("conflict/") && $0.value.fields["entity_id"] == .string(id) }
            .values.map { state in
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                return (try? encoder.encode(state.fields)).map { String(decoding: $0, as: UTF8.self) } ?? ""
            }
            .joined(separator: "\n")
    }

    func state(_ kind: EntityKind, _ id: String) -> EntityState? {
        entities["\(kind.rawValue)/\(id)"]
    }
}

extension EditJournal {
    /// What the final state lost silently; empty when nothing.
    func problems(in final: FinalState) -> [String] {
        var problems: [String] = []
        for (article, markers) in inserted {
            let state = final.state(.article, article)
            let text = state?.fields["paragraphs"]?.stringArray?.joined(separator: "\n") ?? ""
            let conflicts = final.conflictText(about: article)
            let gone = state?.deleted ?? true
            for marker in markers.sorted()
            where !text.contains(marker) && !gone
                && !(removed[article]?.contains(marker) ?? false) && !conflicts.contains(marker)
            {
                problems.append(
                    "article \(article.prefix(8)): inserted \(marker) is neither in the text nor in a "
                        + "conflict, and nobody removed it")
            }
        }
        for (article, markers) in removed {
            let text = final.state(.article, article)?.fields["paragraphs"]?.stringArray?.joined(separator: "\n") ?? ""
            let conflicts = final.conflictText(about: article)
            for marker in markers.sorted() where text.contains(marker) && !conflicts.contains(marker) {
                problems.append("article \(article.prefix(8)): removed \(marker) is back without a conflict")
            }
        }
        for (key, set) in values {
            let parts = key.split(separator: "/").map(String.init)
            guard parts.count == 3, let kind = EntityKind(rawValue: parts[0]) else { continue }
            let state = final.state(kind, parts[1])
            let current = state?.fields[parts[2]]?.stringValue
            let conflicts = final.conflictText(about: parts[1])
            for value in set.sorted()
            where value != current && !(state?.deleted ?? true)
                && !(overwritten[key]?.contains(value) ?? false) && !conflicts.contains(value)
            {
                problems.append(
                    "\(key): value “\(value)” is neither current nor in a conflict, and nobody "
                        + "replaced it knowingly (current: \(current ?? "nil"))")
            }
        }
        for annotation in annotations.sorted() where final.state(.annotation, annotation)?.deleted ?? true {
            problems.append("annotation \(annotation.prefix(8)) was created but is missing")
        }
        for annotation in resolvedAnnotations.sorted()
        where final.state(.annotation, annotation)?.fields["resolved"] != .bool(true) {
            problems.append("annotation \(annotation.prefix(8)) was resolved but is not any more")
        }
        for article in deletedArticles.sorted()
        where !(final.state(.article, article)?.deleted ?? true)
            && final.conflictText(about: article).isEmpty
        {
            problems.append("article \(article.prefix(8)) was deleted, is alive, and no conflict says why")
        }
        let states = final.entities.filter { $0.key.hasPrefix("issue/") }.values
            .compactMap { $0.fields["state"]?.stringValue.flatMap(PublicationState.init(rawValue:)) }
        if let state = states.max(), state < furthestState {
            problems.append("the issue is \(state.rawValue) but an editor moved it to \(furthestState.rawValue)")
        }
        return problems
    }
}
