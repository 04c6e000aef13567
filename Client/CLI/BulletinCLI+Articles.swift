import BulletinCore
import BulletinFormat
import Foundation

extension BulletinCLI {
    /// `bulletin article add ISSUE --section N --title T [--body-file F|-] [--source S]`: prints `DATE/N ID`.
    public func addArticle(
        store: String?, issue: String, section: Int, title: String, bodyFile: String?, source: String?
    ) throws -> String {
        let citation = try source.map { text in
            guard let citation = CitationText.parse(text) else {
                throw CommandError.invalidArgument(
                    "--source must look like \"Outlet dd/m, Author\" (e.g. \"Baophapluat.vn 05/9, Lê Hồng\"), "
                        + "got \"\(text)\"")
            }
            return citation
        }
        let paragraphs = try bodyFile.map(readBody) ?? []
        let article = try openStore(store).addArticle(
            issue: issue, section: section, title: title, paragraphs: paragraphs, source: citation)
        return "\(article.reference) \(article.id)\n"
    }

    /// `bulletin article edit ARTICLE [--title T] [--body-file F|-]`; with neither flag, opens `$EDITOR` on the
    /// title and paragraphs. Records only what changed.
    public func editArticle(store: String?, article reference: String, title: String?, bodyFile: String?) throws
        -> String
    {
        let local = try openStore(store)
        let edit: ArticleEdit
        if title == nil && bodyFile == nil {
            let current = try local.articleText(reference)
            let edited = try editInEditor(current)
            edit = try local.editArticle(current.article.id, title: edited.title, paragraphs: edited.paragraphs)
        } else {
            let paragraphs = try bodyFile.map(readBody)
            edit = try local.editArticle(reference, title: title, paragraphs: paragraphs)
        }
        guard !edit.changedFields.isEmpty else { return "\(edit.article.reference): no changes\n" }
        return "\(edit.article.reference): updated \(edit.changedFields.joined(separator: ", "))\n"
    }

    /// `bulletin article rm ARTICLE`.
    public func removeArticle(store: String?, article reference: String) throws -> String {
        let removed = try openStore(store).removeArticle(reference)
        return "removed \(removed.reference) “\(removed.title)”\n"
    }

    /// `bulletin annotate ARTICLE TEXT [--kind K] [--paragraph N]` (N counts from 1): prints the annotation's id.
    public func annotate(store: String?, article reference: String, text: String, kind: String?, paragraph: Int?)
        throws -> String
    {
        let annotationKind = try kind.map { value in
            guard let parsed = AnnotationKind(rawValue: value.lowercased()) else {
                throw CommandError.invalidValue(option: "kind", value: value,
                                                allowed: AnnotationKind.allCases.map(\.rawValue))
            }
            return parsed
        } ?? .comment
        if let paragraph, paragraph < 1 {
            throw CommandError.invalidArgument("--paragraph counts from 1, got \(paragraph)")
        }
        let annotation = try openStore(store).annotate(
            reference, text: text, kind: annotationKind, paragraph: paragraph.map { $0 - 1 })
        return annotation.id + "\n"
    }

    private func editInEditor(_ current: ArticleText) throws -> (title: String, paragraphs: [String]) {
        guard let editor = context.environment["EDITOR"], !editor.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw CommandError.noEditor
        }
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("bulletin-edit-\(UUID().uuidString.lowercased())")
        let file = directory.appendingPathComponent("\(current.article.date)-\(current.article.number ?? 0).txt")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(BodyText.editBuffer(title: current.title, paragraphs: current.paragraphs).utf8).write(to: file)
        } catch {
            throw CommandError.cannotWrite(path: file.path, reason: error.localizedDescription)
        }
        defer { try? FileManager.default.removeItem(at: directory) }
        let status = try context.runEditor(editor, file.path)
        guard status == 0 else { throw CommandError.editorFailed(command: editor, status: status) }
        let data = try readFile(file.path)
        guard let text = String(data: data, encoding: .utf8) else { throw CommandError.notText(path: file.path) }
        return try BodyText.parseEditBuffer(text)
    }
}
