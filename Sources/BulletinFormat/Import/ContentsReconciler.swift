/// What the contents table contributes once the body has been read: pages, and a fact-check note for every
/// disagreement between the table and the body (the body's headings win).
struct ContentsReconciliation: Sendable, Hashable {
    /// The contents page of each body section, by section index.
    var sectionPages: [Int?]
    /// The contents page of each body article, by article index across the issue.
    var articlePages: [Int?]
    /// Fact-check texts by article index across the issue, in the order they should be filed.
    var notes: [Int: [String]]
}

/// Compares the contents table with the body.
///
/// Sections and articles are paired separately (see ``TitleAlignment``). Every pair whose titles differ (ignoring
/// only spacing and trailing dots) gives "contents: <contents title> / heading: <heading title>". A section's note
/// goes on the section's first article (a section with no article cannot carry one, so it is dropped). An article
/// missing from the table gives "contents: (not listed) / heading: <title>"; a contents entry with no article in
/// the body gives "contents: <title> / heading: (no such article)" on the next article in the body, else the
/// previous one.
enum ContentsReconciler {
    /// Says how `contents` and `body` agree.
    static func reconcile(contents: [ContentsEntry], body: BulletinBody) -> ContentsReconciliation {
        let contentsSections = contents.filter(\.isSection)
        let contentsArticles = contents.filter { !$0.isSection }
        let bodyArticles = body.sections.flatMap(\.articles)
        var firstArticleOfSection: [Int?] = []
        var count = 0
        for section in body.sections {
            firstArticleOfSection.append(section.articles.isEmpty ? nil : count)
            count += section.articles.count
        }

        var result = ContentsReconciliation(
            sectionPages: Array(repeating: nil, count: body.sections.count),
            articlePages: Array(repeating: nil, count: bodyArticles.count),
            notes: [:])
        let sectionSteps = TitleAlignment.align(
            contents: contentsSections.map(\.title),
            body: body.sections.map(\.heading.text))
        for case .pair(let contentsIndex, let bodyIndex) in sectionSteps {
            let entry = contentsSections[contentsIndex]
            result.sectionPages[bodyIndex] = entry.page
            if let article = firstArticleOfSection[bodyIndex] {
                noteIfDifferent(entry.title, body.sections[bodyIndex].heading.text, on: article, in: &result)
            }
        }

        let articleSteps = TitleAlignment.align(
            contents: contentsArticles.map(\.title),
            body: bodyArticles.map(\.titleLine.text))
        for (position, step) in articleSteps.enumerated() {
            switch step {
            case .pair(let contentsIndex, let bodyIndex):
                let entry = contentsArticles[contentsIndex]
                result.articlePages[bodyIndex] = entry.page
                noteIfDifferent(entry.title, bodyArticles[bodyIndex].titleLine.text, on: bodyIndex, in: &result)
            case .bodyOnly(let bodyIndex):
                let heading = bodyArticles[bodyIndex].titleLine.text
                result.notes[bodyIndex, default: []].append("contents: (not listed) / heading: \(heading)")
            case .contentsOnly(let contentsIndex):
                guard let article = nearestBodyArticle(to: position, in: articleSteps) else { continue }
                let title = contentsArticles[contentsIndex].title
                result.notes[article, default: []].append("contents: \(title) / heading: (no such article)")
            }
        }
        return result
    }

    private static func noteIfDifferent(
        _ contentsTitle: String, _ heading: String, on article: Int,
        in result: inout ContentsReconciliation
    ) {
        guard TextShape.titleKey(contentsTitle) != TextShape.titleKey(heading) else { return }
        result.notes[article, default: []].append("contents: \(contentsTitle) / heading: \(heading)")
    }

    /// The body article after step `position`, else the one before it.
    private static func nearestBodyArticle(to position: Int, in steps: [AlignmentStep]) -> Int? {
        func bodyIndex(_ step: AlignmentStep) -> Int? {
            switch step {
            case .pair(_, let body), .bodyOnly(let body): body
            case .contentsOnly: nil
            }
        }
        return steps[position...].lazy.compactMap(bodyIndex).first
            ?? steps[..<position].reversed().lazy.compactMap(bodyIndex).first
    }
}
