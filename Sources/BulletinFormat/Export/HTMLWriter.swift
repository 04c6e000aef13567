import BulletinCore

/// Writes one self-contained printable HTML page: UTF-8, `lang="vi"`, inline print CSS (A4 pages, the contents
/// on its own page, each section from a new page), a contents table linking to `#article-N` / `#section-N`,
/// and back-to-top links to `#top`. Every text is escaped.
enum HTMLWriter {
    /// The page for `issue`, ending with a newline.
    static func write(_ issue: Issue) -> String {
        let printed = PrintedIssue(issue)
        var html: [String] = [
            "<!DOCTYPE html>",
            "<html lang=\"vi\">",
            "<head>",
            "<meta charset=\"utf-8\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<title>\(escape(pageTitle(printed)))</title>",
            "<style>",
            stylesheet,
            "</style>",
            "</head>",
            "<body>",
            "<header class=\"masthead\" id=\"top\">",
            "<p class=\"year\">\(escape(printed.yearLine))</p>",
            "<p class=\"weekday\">\(escape(printed.weekday))</p>",
            "<p class=\"release\">\(escape(printed.releaseLine))</p>",
        ]
        html += printed.titleLines.map { "<p class=\"title\">\(escape($0))</p>" }
        html.append("<h1 class=\"subject\">\(escape(printed.subject))</h1>")
        if !printed.cadence.isEmpty { html.append("<p class=\"cadence\">\(escape(printed.cadence))</p>") }
        html.append("</header>")
        if !printed.intro.isEmpty { html.append("<p class=\"intro\">\(escape(printed.intro))</p>") }
        html += contents(printed)
        html.append("<main>")
        for numbered in printed.sections {
            html.append("<section class=\"section\" id=\"section-\(numbered.number)\">")
            html.append("<h2>\(escape(numbered.section.title))</h2>")
            for entry in numbered.articles {
                html += article(entry)
            }
            html.append("</section>")
        }
        html.append("</main>")
        if !printed.editor.isEmpty {
            html.append(
                "<footer class=\"editor\"><p>\(escape(Vocabulary.editorCredit)) "
                    + "<strong>\(escape(printed.editor))</strong></p></footer>")
        }
        html += ["</body>", "</html>"]
        return html.joined(separator: "\n") + "\n"
    }

    /// "Bản tin Điểm báo – CẢI CÁCH HÀNH CHÍNH – Phát hành: 05/9/2024".
    private static func pageTitle(_ printed: PrintedIssue) -> String {
        (printed.titleLines + ["– " + printed.subject, "– " + printed.releaseLine]).joined(separator: " ")
    }

    private static func contents(_ printed: PrintedIssue) -> [String] {
        var rows = ["<nav class=\"contents\" id=\"contents\" aria-label=\"Mục lục\">", "<table>"]
        for numbered in printed.sections {
            rows.append(
                "<tr class=\"section-row\"><td><a href=\"#section-\(numbered.number)\">"
                    + "\(escape(numbered.section.title))</a></td>"
                    + "<td class=\"page\">\(page(numbered.section.contentsPage))</td></tr>")
            for entry in numbered.articles {
                rows.append(
                    "<tr class=\"article-row\"><td><a href=\"#article-\(entry.number)\">"
                        + "\(entry.number). \(escape(entry.article.title))</a></td>"
                        + "<td class=\"page\">\(page(entry.article.contentsPage))</td></tr>")
            }
        }
        rows += ["</table>", "</nav>"]
        return rows
    }

    private static func article(_ entry: PrintedIssue.NumberedArticle) -> [String] {
        let article = entry.article
        var html = ["<article id=\"article-\(entry.number)\">", "<h3>\(escape(article.title))</h3>"]
        var paragraphs = article.paragraphs.filter { !$0.isEmpty }.map(escape)
        if let source = article.source {
            let cite = "<cite class=\"source\">\(escape(source.printed))</cite>"
            if let last = paragraphs.popLast() {
                paragraphs.append(last + " " + cite)
            } else {
                paragraphs.append(cite)
            }
        }
        html += paragraphs.map { "<p>\($0)</p>" }
        html += [
            "<p class=\"back-to-top\"><a href=\"#top\">\(escape(Vocabulary.backToTopLabel))</a></p>",
            "</article>",
        ]
        return html
    }

    private static func page(_ page: Int?) -> String {
        page.map(String.init) ?? ""
    }

    /// `text` safe in HTML text and in double- or single-quoted attribute values.
    static func escape(_ text: String) -> String {
        // Most text has nothing to escape; looking at the bytes first avoids rebuilding it character by character.
        let special: [UInt8] = Array("&<>\"'".utf8)
        guard text.utf8.contains(where: special.contains) else { return text }
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// Screen and print styles; print gives A4 pages, the contents on its own page, each section on a new page.
    static let stylesheet = """
        body { font-family: "Times New Roman", "Noto Serif", serif; font-size: 13pt; line-height: 1.45;
               max-width: 46em; margin: 2em auto; padding: 0 1em; color: #111; }
        .masthead { text-align: center; }
        .masthead p { margin: .2em 0; }
        .masthead .year, .masthead .weekday, .masthead .release { font-weight: bold; }
        .masthead .title { font-size: 1.8em; font-weight: bold; }
        .masthead .subject { font-size: 1.6em; color: #8b0000; margin: .4em 0; }
        .cadence, .intro { font-style: italic; }
        nav.contents table { width: 100%; border-collapse: collapse; }
        nav.contents td { padding: .15em 0; vertical-align: top; }
        nav.contents td.page { text-align: right; width: 3em; }
        nav.contents .section-row td { font-weight: bold; padding-top: .6em; }
        nav.contents a { color: inherit; text-decoration: none; }
        h2 { text-align: center; font-size: 1.3em; margin: 1.5em 0 .5em; }
        h3 { font-size: 1.1em; margin: 1.2em 0 .4em; }
        article p { text-align: justify; margin: .5em 0; }
        cite.source { font-style: italic; }
        .back-to-top { text-align: right; font-size: .9em; }
        footer.editor { text-align: right; margin-top: 2em; }
        @page { size: A4; margin: 2cm 2cm 2.5cm; }
        @media print {
            body { max-width: none; margin: 0; padding: 0; font-size: 12pt; }
            a { color: inherit; text-decoration: none; }
            nav.contents { break-after: page; page-break-after: always; }
            section.section + section.section { break-before: page; page-break-before: always; }
            h2, h3 { break-after: avoid; page-break-after: avoid; }
            article p { orphans: 3; widows: 3; }
            .back-to-top { display: none; }
        }
        """
}
