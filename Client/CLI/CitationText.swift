import BulletinCore
import Foundation

/// Parses the `--source` text of `article add`: `"Outlet dd/m, Author"`, as bulletins cite sources.
///
/// Authors are optional and may be several, separated by `–`, `-` or `,`: `"Baophapluat.vn 05/9, Hoài Thu –
/// Minh Quân"`. Surrounding parentheses are accepted.
public enum CitationText {
    /// The citation in `text`.
    ///
    /// - Throws: ``CommandError/invalidArgument(_:)`` when there is no outlet followed by a `d/m` date.
    public static func parse(_ text: String) throws -> Citation {
        var body = TextNormalization.normalize(text).trimmingCharacters(in: .whitespaces)
        if body.hasPrefix("("), body.hasSuffix(")") {
            body = String(body.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
        }
        let head: Substring
        let tail: Substring?
        if let comma = body.firstIndex(of: ",") {
            head = body[..<comma]
            tail = body[body.index(after: comma)...]
        } else {
            head = body[...]
            tail = nil
        }
        var words = head.split(separator: " ")
        guard words.count >= 2, let date = words.last, isDayMonth(date) else {
            throw CommandError.invalidArgument(
                "--source must look like \"Outlet dd/m, Author\" (e.g. \"Baophapluat.vn 05/9, Lê Hồng\"), "
                    + "got \"\(text)\"")
        }
        words.removeLast()
        let authors = (tail ?? "")
            .split(whereSeparator: { $0 == "–" || $0 == "," || $0 == "—" })
            .flatMap { $0.components(separatedBy: " - ") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        return Citation(outlet: words.joined(separator: " "), date: String(date), authors: authors)
    }

    /// `d/m`, `dd/mm` or `dd/mm/yyyy`.
    private static func isDayMonth(_ text: Substring) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3 else { return false }
        return parts.allSatisfy { part in
            !part.isEmpty && part.count <= 4 && part.allSatisfy { $0.isASCII && $0.isNumber }
        }
    }
}
