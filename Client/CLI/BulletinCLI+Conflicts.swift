import BulletinCore
import Foundation
import SyncProtocol

extension BulletinCLI {
    /// `bulletin conflicts [--all] [--json]`: the open conflicts (all of them with `all`), newest first.
    public func conflicts(store: String?, all: Bool, json: Bool) throws -> String {
        let list = try openStore(store).conflicts(includingResolved: all)
        if json { return try self.json(list) }
        guard !list.isEmpty else {
            return all ? "no conflicts\n" : "no open conflicts\n"
        }
        let rows = list.map { conflict in
            [String(conflict.id.prefix(8)), conflict.kind.rawValue, conflict.status.rawValue,
             conflict.field ?? "(entity)", "\(conflict.mineAuthor) / \(conflict.theirsAuthor ?? "?")", conflict.target]
        }
        return TextTable.render(header: ["ID", "KIND", "STATUS", "FIELD", "MINE / THEIRS", "WHAT"], rows: rows)
            + "show one with `bulletin conflicts show ID`; resolve with `bulletin resolve ID --take mine|theirs`\n"
    }

    /// `bulletin conflicts show ID [--json]`: base, mine and theirs with inline diffs (coloured on a terminal).
    public func showConflict(store: String?, conflict reference: String, json: Bool) throws -> String {
        let conflict = try openStore(store).conflict(reference)
        if json { return try self.json(conflict) }
        return ConflictText.render(conflict, style: context.colours ? .ansi : .plain)
    }

    /// `bulletin resolve ID --take mine|theirs` or `--file F`: writes the chosen value and marks the conflict
    /// resolved, in one local transaction; `bulletin sync` sends both.
    public func resolve(store: String?, conflict reference: String, take: String?, file: String?) throws -> String {
        let local = try openStore(store)
        let choice: ConflictChoice
        switch (take, file) {
        case (let side?, nil):
            guard let chosen = MergeSide(rawValue: side.lowercased()) else {
                throw CommandError.invalidValue(option: "--take", value: side, allowed: ["mine", "theirs"])
            }
            choice = .take(chosen)
        case (nil, let path?):
            let conflict = try local.conflict(reference)
            choice = .value(try resolutionValue(from: path, for: conflict))
        default:
            throw CommandError.invalidArgument("pass exactly one of --take mine|theirs and --file F")
        }
        let report = try local.resolveConflict(reference, choice: choice)
        let conflict = report.conflict
        var text = "resolved conflict \(conflict.id.prefix(8)) (\(conflict.resolution?.rawValue ?? "?")) on "
            + "\(conflict.target)"
        if !report.wroteFields.isEmpty {
            text += "; wrote \(report.wroteFields.joined(separator: ", "))"
        } else if report.deletedEntity {
            text += "; deleted the \(conflict.entity.rawValue)"
        } else {
            text += "; the stored value stays"
        }
        return text + "\nrun `bulletin sync` to send the resolution\n"
    }

    /// The value a resolution file stands for: paragraphs for article text, one line of text for a text field,
    /// JSON for anything else.
    private func resolutionValue(from path: String, for conflict: ConflictInfo) throws -> JSONValue {
        guard let field = conflict.field else {
            throw CommandError.invalidArgument(
                "conflict \(conflict.id.prefix(8)) is about the whole \(conflict.entity.rawValue); "
                    + "resolve it with --take mine or --take theirs")
        }
        let data = path == "-" ? try context.readStandardInput() : try readFile(path)
        guard let text = String(data: data, encoding: .utf8) else { throw CommandError.notText(path: path) }
        let sample = conflict.current.isNull ? conflict.mine : conflict.current
        if field == "paragraphs" {
            return .array(BodyText.paragraphs(text).map(JSONValue.string))
        }
        if sample.stringValue != nil {
            let line = BodyText.paragraphs(text).joined(separator: " ")
            guard !line.isEmpty else { throw CommandError.invalidArgument("\(path) is empty; nothing was changed") }
            return .string(line)
        }
        do {
            return try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        } catch {
            throw CommandError.invalidArgument(
                "the field '\(field)' takes a JSON value; \(path) is not JSON (e.g. write {\"outlet\": …})")
        }
    }
}
