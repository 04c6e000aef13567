/// Deterministic generated issues of real-looking Vietnamese text, for benchmarks and load tests.
///
/// The same configuration always yields the same issues (ids included): sentences of the 2024-09-05 sample
/// recombined by a seeded generator. Issues fall on consecutive weekdays; each has `sectionsPerIssue` sections
/// sharing `articlesPerIssue` articles of about `articleBytes` bytes of UTF-8 text.
public struct ArchiveGenerator: Sequence, Sendable {
    /// How many articles in all (the last issue may have fewer).
    public var articleCount: Int
    /// Articles per issue.
    public var articlesPerIssue: Int
    /// Sections per issue.
    public var sectionsPerIssue: Int
    /// Approximate size of each article's paragraphs, in bytes of UTF-8.
    public var articleBytes: Int
    /// The first issue's date (later issues follow on weekdays).
    public var firstDate: CivilDate
    /// The generator's seed.
    public var seed: UInt64

    /// Creates a generator.
    public init(
        articleCount: Int, articlesPerIssue: Int = 20, sectionsPerIssue: Int = 4, articleBytes: Int = 5_000,
        firstDate: CivilDate = CivilDate(daysSinceEpoch: 18_995), seed: UInt64 = 2024_09_05
    ) {
        self.articleCount = Swift.max(0, articleCount)
        self.articlesPerIssue = Swift.max(1, articlesPerIssue)
        self.sectionsPerIssue = Swift.max(1, sectionsPerIssue)
        self.articleBytes = Swift.max(1, articleBytes)
        self.firstDate = firstDate
        self.seed = seed
    }

    /// How many issues the archive has.
    public var issueCount: Int {
        (articleCount + articlesPerIssue - 1) / articlesPerIssue
    }

    /// Yields the issues in date order.
    public func makeIterator() -> Iterator {
        Iterator(generator: self)
    }

    /// Yields one issue at a time, so that an archive never has to be held in memory whole.
    public struct Iterator: IteratorProtocol, Sendable {
        private let generator: ArchiveGenerator
        private var random: SeededRandom
        private var made = 0
        private var day: CivilDate

        init(generator: ArchiveGenerator) {
            self.generator = generator
            self.random = SeededRandom(seed: generator.seed)
            self.day = generator.firstDate
        }

        /// The next issue, or `nil` after the last.
        public mutating func next() -> Issue? {
            guard made < generator.articleCount else { return nil }
            while day.weekday == 0 || day.weekday == 6 {
                day = CivilDate(daysSinceEpoch: day.daysSinceEpoch + 1)
            }
            let count = Swift.min(generator.articlesPerIssue, generator.articleCount - made)
            let editor = random.pick(GeneratorCorpus.editors)
            var issue = GeneratedMasthead.issue(id: random.uuid(), date: day, editor: editor)
            let sectionCount = Swift.min(generator.sectionsPerIssue, count)
            for sectionIndex in 0..<sectionCount {
                // Spread the articles over the sections as evenly as possible, earlier sections first.
                let inSection = count / sectionCount + (sectionIndex < count % sectionCount ? 1 : 0)
                let articles = (0..<inSection).map { _ in article(on: day) }
                let title = GeneratorCorpus.sections[sectionIndex % GeneratorCorpus.sections.count]
                issue.sections.append(Section(id: random.uuid(), title: title, articles: articles))
            }
            var number = 0
            for sectionIndex in issue.sections.indices {
                for articleIndex in issue.sections[sectionIndex].articles.indices {
                    number += 1
                    issue.sections[sectionIndex].articles[articleIndex].number = number
                }
            }
            made += count
            day = CivilDate(daysSinceEpoch: day.daysSinceEpoch + 1)
            return issue
        }

        private mutating func article(on day: CivilDate) -> Article {
            let title = "\(random.pick(GeneratorCorpus.places)): \(random.pick(GeneratorCorpus.topics))"
            var paragraphs: [String] = []
            var bytes = 0
            while bytes < generator.articleBytes {
                let sentences = (0..<(2 + random.below(3))).map { _ in random.pick(GeneratorCorpus.sentences) }
                let paragraph = sentences.joined(separator: " ")
                paragraphs.append(paragraph)
                bytes += paragraph.utf8.count
            }
            let authors = (0..<random.below(3)).map { _ in random.pick(GeneratorCorpus.authors) }
            let date = "\(day.day < 10 ? "0" : "")\(day.day)/\(day.month)"
            let source = Citation(outlet: random.pick(GeneratorCorpus.outlets), date: date, authors: authors)
            return Article(id: random.uuid(), number: 0, title: title, paragraphs: paragraphs, source: source)
        }
    }
}
