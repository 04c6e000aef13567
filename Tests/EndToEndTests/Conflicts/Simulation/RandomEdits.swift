import BulletinCore
import Foundation
import GRDB
import SyncProtocol

@testable import SyncClient

/// Makes one random offline edit in an editor's store, the way an editor would (through the store's API), and
/// writes what it did into the journal.
struct RandomEditor {
    let store: LocalStore
    let date: String
    /// Whether the editor is a chief: only a chief moves an issue past review.
    let isChief: Bool

    /// The kinds of edit, with their weights.
    enum Kind: CaseIterable {
        case word, paragraph, title, sectionTitle, annotate, annotationText, resolveAnnotation, deleteArticle,
            addArticle, move, state, resolveConflict

        var weight: Int {
            switch self {
            case .word: 30
            case .paragraph: 14
            case .title: 9
            case .sectionTitle: 3
            case .annotate: 7
            case .annotationText: 6
            case .resolveAnnotation: 4
            case .deleteArticle: 3
            case .addArticle: 4
            case .move: 5
            case .state: 3
            case .resolveConflict: 6
            }
        }
    }

    /// Makes one edit; some kinds find nothing to do (no live article, no open conflict) and do nothing.
    func edit(using random: inout SplitMix64, journal: inout EditJournal) throws {
        let total = Kind.allCases.reduce(0) { $0 + $1.weight }
        var pick = Int.random(in: 0..<total, using: &random)
        var kind = Kind.word
        for candidate in Kind.allCases {
            if pick < candidate.weight {
                kind = candidate
                break
            }
            pick -= candidate.weight
        }
        switch kind {
        case .word: try word(&random, &journal)
        case .paragraph: try paragraph(&random, &journal)
        case .title: try title(&random, &journal)
        case .sectionTitle: try sectionTitle(&random, &journal)
        case .annotate: try annotate(&random, &journal)
        case .annotationText: try annotationText(&random, &journal)
        case .resolveAnnotation: try resolveAnnotation(&random, &journal)
        case .deleteArticle: try deleteArticle(&random, &journal)
        case .addArticle: try addArticle(&random, &journal)
        case .move: try move(&random)
        case .state: try state(&random, &journal)
        case .resolveConflict: try resolveConflict(&random, &journal)
        }
    }

    // MARK: Text

    private func word(_ random: inout SplitMix64, _ journal: inout EditJournal) throws {
        guard let article = try liveIDs("article").randomElement(using: &random) else { return }
        let before = try store.paragraphs(article)
        guard !before.isEmpty else { return }
        var after = before
        let index = Int.random(in: 0..<after.count, using: &random)
        var words = after[index].split(separator: " ").map(String.init)
        let position = Int.random(in: 0...max(0, words.count - 1), using: &random)
        switch Int.random(in: 0..<3, using: &random) {
        case 0 where !words.isEmpty: words[position] = journal.marker()
        case 1 where words.count > 3: words.remove(at: position)
        default: words.insert(journal.marker(), at: min(position, words.count))
        }
        var paragraph = words.joined(separator: " ")
        // Some editors' keyboards produce decomposed Vietnamese.
        if Bool.random(using: &random) { paragraph = paragraph.decomposedStringWithCanonicalMapping }
        after[index] = paragraph
        try write(article, before: before, after: after, &journal)
    }

    private func paragraph(_ random: inout SplitMix64, _ journal: inout EditJournal) throws {
        guard let article = try liveIDs("article").randomElement(using: &random) else { return }
        let before = try store.paragraphs(article)
        var after = before
        switch Int.random(in: 0..<4, using: &random) {
        case 0 where after.count > 1:
            after.remove(at: Int.random(in: 0..<after.count, using: &random))
        case 1 where !after.isEmpty:
            // Split a paragraph at a space.
            let index = Int.random(in: 0..<after.count, using: &random)
            let words = after[index].split(separator: " ")
            guard words.count > 2 else { return }
            let cut = Int.random(in: 1..<words.count, using: &random)
            after.replaceSubrange(
                index...index,
                with: [
                    words[..<cut].joined(separator: " "), words[cut...].joined(separator: " "),
                ])
        case 2 where after.count > 1:
            let index = Int.random(in: 0..<(after.count - 1), using: &random)
            after.replaceSubrange(index...(index + 1), with: [after[index] + " " + after[index + 1]])
        default:
            let sentence = "Đoạn mới \(journal.marker()) về cải cách hành chính."
            after.insert(sentence, at: Int.random(in: 0...after.count, using: &random))
        }
        try write(article, before: before, after: after, &journal)
    }

    private func write(_ article: String, before: [String], after: [String], _ journal: inout EditJournal) throws {
        let normalized = after.map { TextNormalization.normalize($0) }
        guard normalized != before else { return }
        try store.editArticle(article, paragraphs: after)
        journal.text(article, before: before, after: try store.paragraphs(article))
    }

    // MARK: Single values

    private func title(_ random: inout SplitMix64, _ journal: inout EditJournal) throws {
        guard let article = try liveIDs("article").randomElement(using: &random) else { return }
        let before = try store.fields(.article, article)["title"]?.stringValue
        let title = "Tiêu đề \(journal.marker())"
        try store.editArticle(article, title: title)
        journal.value("article/\(article)/title", before: before, after: title)
    }

    private func sectionTitle(_ random: inout SplitMix64, _ journal: inout EditJournal) throws {
        guard let section = try liveIDs("section").randomElement(using: &random) else { return }
        let before = try store.fields(.section, section)["title"]?.stringValue
        let title = "CHUYÊN MỤC \(journal.marker())"
        try store.perform { try $0.update(.section, id: section, fields: ["title": .string(title)]) }
        journal.value("section/\(section)/title", before: before, after: title)
    }

    private func annotate(_ random: inout SplitMix64, _ journal: inout EditJournal) throws {
        guard let article = try liveIDs("article").randomElement(using: &random) else { return }
        let text = "Ghi chú \(journal.marker())"
        let note = try store.annotate(
            article, text: text,
            kind: AnnotationKind.allCases.randomElement(using: &random)
                ?? .comment)
        journal.annotations.insert(note.id)
        journal.value("annotation/\(note.id)/text", before: nil, after: text)
    }

    private func annotationText(_ random: inout SplitMix64, _ journal: inout EditJournal) throws {
        guard let note = try liveIDs("annotation").randomElement(using: &random) else { return }
        let before = try store.fields(.annotation, note)["text"]?.stringValue
        let text = "Sửa ghi chú \(journal.marker())"
        try store.perform { try $0.update(.annotation, id: note, fields: ["text": .string(text)]) }
        journal.value("annotation/\(note)/text", before: before, after: text)
    }

    private func resolveAnnotation(_ random: inout SplitMix64, _ journal: inout EditJournal) throws {
        guard let note = try liveIDs("annotation").randomElement(using: &random) else { return }
        try store.perform { try $0.update(.annotation, id: note, fields: ["resolved": .bool(true)]) }
        journal.resolvedAnnotations.insert(note)
    }

    // MARK: Structure

    private func deleteArticle(_ random: inout SplitMix64, _ journal: inout EditJournal) throws {
        guard let article = try liveIDs("article").randomElement(using: &random) else { return }
        try store.removeArticle(article)
        journal.deletedArticles.insert(article)
    }

    private func addArticle(_ random: inout SplitMix64, _ journal: inout EditJournal) throws {
        let sections = try liveIDs("section")
        guard !sections.isEmpty else { return }
        let paragraphs = ["Bài mới \(journal.marker()) về chuyển đổi số.", "Hà Nội tiếp nhận hồ sơ trực tuyến."]
        let article = try store.addArticle(
            issue: date, section: Int.random(in: 1...sections.count, using: &random),
            title: "Bài mới \(journal.marker())", paragraphs: paragraphs, source: nil)
        journal.text(article.id, before: [], after: paragraphs)
    }

    private func move(_ random: inout SplitMix64) throws {
        guard let article = try liveIDs("article").randomElement(using: &random) else { return }
        var fields: [String: JSONValue] = ["position": .double(Double(Int.random(in: 1...40, using: &random)) / 8)]
        if Bool.random(using: &random), let section = try liveIDs("section").randomElement(using: &random) {
            fields["section_id"] = .string(section)
        }
        try store.perform { try $0.update(.article, id: article, fields: fields) }
    }

    private func state(_ random: inout SplitMix64, _ journal: inout EditJournal) throws {
        let current = try store.issue(date).state
        guard let next = PublicationState.allCases.sorted().first(where: { $0 > current }),
            next <= .published, isChief || next <= .review
        else { return }
        // Publishing is rarer than the other steps, so most scenarios also exercise edits after review.
        if next == .published, Int.random(in: 0..<3, using: &random) != 0 { return }
        try store.setState(issue: date, to: next)
        journal.furthestState = max(journal.furthestState, next)
    }

    private func resolveConflict(_ random: inout SplitMix64, _ journal: inout EditJournal) throws {
        guard let conflict = try store.conflicts().randomElement(using: &random) else { return }
        let side: MergeSide = Bool.random(using: &random) ? .mine : .theirs
        let before = try store.entityState(conflict.entity, id: conflict.entityID)
        try store.resolveConflict(conflict.id, choice: .take(side))
        guard let field = conflict.field, let after = try store.entityState(conflict.entity, id: conflict.entityID)
        else { return }
        // The resolution replaces the conflict's current value (the server merges it with anything newer).
        if field == "paragraphs", let current = conflict.current.stringArray,
            let written = after.fields[field]?.stringArray, before?.fields[field] != after.fields[field]
        {
            journal.text(conflict.entityID, before: current, after: written)
        } else if let value = after.fields[field]?.stringValue, before?.fields[field] != after.fields[field] {
            journal.value(
                "\(conflict.entity.rawValue)/\(conflict.entityID)/\(field)",
                before: conflict.current.stringValue, after: value)
        }
    }

    // MARK: Reading

    private func liveIDs(_ table: String) throws -> [String] {
        try store.writer.read { db in
            try String.fetchAll(db, sql: "SELECT id FROM \(table) WHERE deleted = 0 ORDER BY id")
        }
    }
}
