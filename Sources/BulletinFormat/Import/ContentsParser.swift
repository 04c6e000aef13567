/// One row of the contents table: a section (capitals, no number) or a numbered article, with its page.
struct ContentsEntry: Sendable, Hashable {
    /// The line the row is on.
    var line: Int
    /// The article number printed in front of the title; nil for a section row.
    var number: Int?
    /// The title without number and dot leaders.
    var title: String
    /// The page in the last column, when given.
    var page: Int?

    /// Whether the row names a section.
    var isSection: Bool { number == nil }
}

/// Reads the contents table. Rows are either Markdown table rows (`| 1. Title..... | 4 |`, the sample's form)
/// or plain lines with dot leaders before the page (`1. Title ........ 4`). Dot leaders are optional in table rows.
enum ContentsParser {
    /// Whether `text` is a row of the contents table.
    static func isContentsRow(_ text: String) -> Bool {
        text.hasPrefix("|") || plainRow(text) != nil
    }

    /// Parses consecutive contents rows from `lines[index...]`, leaving `index` on the first body line.
    /// - Throws: `BulletinImportError` for a row with no title or a page that is not a number.
    static func parse(_ lines: [SourceLine], index: inout Int) throws -> [ContentsEntry] {
        var entries: [ContentsEntry] = []
        while index < lines.count, isContentsRow(lines[index].text) {
            if let entry = try entry(from: lines[index]) {
                entries.append(entry)
            }
            index += 1
        }
        return entries
    }

    /// The entry of one row, or nil for the table's header and separator rows.
    private static func entry(from line: SourceLine) throws -> ContentsEntry? {
        let titleText: String
        let pageText: String
        if line.text.hasPrefix("|") {
            let cells = tableCells(line.text)
            if cells.allSatisfy(isHeadOrRuleCell) { return nil }
            if cells.count >= 2 {
                titleText = cells.dropLast().joined(separator: " | ")
                pageText = cells.last ?? ""
            } else if let plain = plainRow(cells.first ?? "") {
                (titleText, pageText) = plain
            } else {
                (titleText, pageText) = (cells.first ?? "", "")
            }
        } else if let plain = plainRow(line.text) {
            (titleText, pageText) = plain
        } else {
            return nil
        }

        var page: Int?
        if !pageText.isEmpty {
            guard let number = Int(pageText), number >= 0 else {
                throw BulletinImportError(
                    line: line.number,
                    message: "expected a page number in the contents row's last column, "
                        + "found \(BulletinImportError.quote(pageText))")
            }
            page = number
        }
        let title = strippingDotLeaders(titleText)
        if let numbered = numberedTitle(title) {
            return ContentsEntry(line: line.number, number: numbered.number, title: numbered.title, page: page)
        }
        guard !title.isEmpty else {
            throw BulletinImportError(line: line.number, message: "expected a title in the contents row, found none")
        }
        return ContentsEntry(line: line.number, number: nil, title: title, page: page)
    }

    /// Splits `| a | b |` into trimmed cells; `\|` inside a cell is a literal bar.
    static func tableCells(_ row: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var escaped = false
        for character in row {
            if escaped {
                // Only "\|" is an escape; any other backslash is text.
                if character != "|" { current.append("\\") }
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "|" {
                cells.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        if escaped { current.append("\\") }
        cells.append(current)
        // The leading "|" yields an empty first cell and the closing "|" an empty last one.
        var trimmed = cells.map { TextShape.trimmed($0) }
        if trimmed.first?.isEmpty == true { trimmed.removeFirst() }
        if row.hasSuffix("|"), !row.hasSuffix("\\|"), trimmed.last?.isEmpty == true { trimmed.removeLast() }
        return trimmed
    }

    /// Whether a table cell belongs to the header row (empty) or the separator row (`--`, `:--:`).
    private static func isHeadOrRuleCell(_ cell: String) -> Bool {
        cell.allSatisfy { $0 == "-" || $0 == ":" } && (cell.isEmpty || cell.contains(where: { $0 == "-" }))
    }

    /// "3. iHanoi đã tiếp nhận…" → (3, "iHanoi đã tiếp nhận…"); also "3) …". Nil without a number.
    static func numberedTitle(_ text: String) -> (number: Int, title: String)? {
        let digits = text.prefix { $0.isASCIIDigit }
        guard (1...4).contains(digits.count), let number = Int(digits) else { return nil }
        let rest = text[digits.endIndex...].drop { $0 == " " }
        guard let mark = rest.first, mark == "." || mark == ")" else { return nil }
        let afterMark = rest.dropFirst()
        guard afterMark.first?.isWhitespace == true else { return nil }
        let title = TextShape.trimmed(afterMark)
        return title.isEmpty ? nil : (number, title)
    }

    /// Title and page of a plain row, which needs dot leaders to tell the page from the title.
    private static func plainRow(_ text: String) -> (title: String, page: String)? {
        // Cheap test first: a plain row ends with its page number.
        guard text.last?.isASCIIDigit == true,
            let match = text.wholeMatch(of: /(.*?\S)\s*(?:[.…·]\s*){2,}(\d{1,4})/)
        else { return nil }
        return (String(match.1), String(match.2))
    }

    /// Removes a trailing run of dot leaders ("....." or "……") and white space; a single final "." or "…"
    /// belongs to the title and stays.
    static func strippingDotLeaders(_ text: String) -> String {
        var end = text.endIndex
        var leaders = 0
        while end > text.startIndex {
            let previous = text.index(before: end)
            let character = text[previous]
            if character == "." || character == "…" || character == "·" {
                leaders += 1
            } else if !character.isWhitespace {
                break
            }
            end = previous
        }
        let kept = leaders >= 2 ? text[..<end] : text[...]
        return TextShape.trimmed(kept)
    }
}
