import BulletinCore

@testable import BulletinFormat

/// The bulletin issue (`Issue` alone clashes with Swift Testing's `Issue`).
typealias IssueModel = BulletinCore.Issue

/// The creation time every test import uses.
let importTime = "2024-09-05T08:00:00Z"

/// Imports `text` with ids "id-1", "id-2", … so two imports of equivalent texts are equal.
func importWithCountingIDs(_ text: String) throws -> IssueModel {
    var counter = 0
    return try BulletinImporter.parse(
        text,
        makeID: {
            counter += 1
            return "id-\(counter)"
        }, now: importTime)
}

/// `issue` without ids and annotations: what survives printing and re-importing.
func printable(_ issue: IssueModel) -> IssueModel {
    var copy = issue
    copy.id = ""
    for sectionIndex in copy.sections.indices {
        copy.sections[sectionIndex].id = ""
        for articleIndex in copy.sections[sectionIndex].articles.indices {
            copy.sections[sectionIndex].articles[articleIndex].id = ""
            copy.sections[sectionIndex].articles[articleIndex].annotations = []
        }
    }
    return copy
}

/// The import error `text` gives, or nil when it imports.
func importError(_ text: String) -> BulletinImportError? {
    do {
        _ = try BulletinImporter.parse(text, now: importTime)
        return nil
    } catch let error as BulletinImportError {
        return error
    } catch {
        return BulletinImportError(line: -1, message: "unexpected error type: \(error)")
    }
}

/// The 1-based number of the first line of `text` equal to `line`, computed without the importer.
func lineNumber(of line: String, in text: String) -> Int? {
    text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0 == line }.map { $0 + 1 }
}

/// Small bulletins for tests, in the sample's layout.
enum MiniBulletin {
    /// The sample's header lines.
    static let header = [
        "Năm 2024", "THỨ NĂM", "Phát hành: 05/9/2024", "Bản tin", "Điểm báo", "CẢI CÁCH HÀNH CHÍNH",
        "(Phát hành hàng ngày từ thứ Hai đến thứ Sáu)",
        "Trong ngày, một số vấn đề được báo chí quan tâm phản ánh:",
    ]

    /// A bulletin with `contents` rows (without the table head) and `body` blocks, blank lines between blocks.
    static func text(contents: [String], body: [String], editor: String? = "Thanh Hồng") -> String {
        let table = (["| | |", "|--|----|"] + contents).joined(separator: "\n")
        let credit = editor.map { ["Biên tập viên \($0)"] } ?? []
        return (header + [table] + body + credit).joined(separator: "\n\n")
    }

    /// One section with one article per entry of `lastParagraphs`, titled "Bài N", contents matching.
    static func oneSection(lastParagraphs: [String]) -> String {
        var contents = ["| CẢI CÁCH ĐỊA PHƯƠNG | 1 |"]
        var body = ["CẢI CÁCH ĐỊA PHƯƠNG"]
        for (offset, paragraph) in lastParagraphs.enumerated() {
            contents.append("| \(offset + 1). Bài \(offset + 1)..... | \(offset + 1) |")
            body += ["Bài \(offset + 1)", "Đoạn mở đầu của bài \(offset + 1).", paragraph]
        }
        return text(contents: contents, body: body)
    }
}
