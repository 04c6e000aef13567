import ArgumentParser
import BulletinCore
import SyncClient

/// `bulletin annotate ARTICLE TEXT [--kind K] [--paragraph N]` (N counts from 1): prints the annotation's id.
struct AnnotateCommand: BulletinCommand {
    static let configuration = CommandConfiguration(
        commandName: "annotate", abstract: "Annotate an article; prints the annotation's id.")

    @OptionGroup var store: StoreOption
    @Argument(help: "DATE/N, an article id or a unique id prefix.") var article: String
    @Argument(help: "The note.") var text: String
    @Option(help: "comment (default), correction, fact-check or sign-off.") var kind: String?
    @Option(help: "Anchor to this paragraph, counting from 1.") var paragraph: Int?

    func output(using cli: BulletinCLI) throws -> String {
        let annotationKind =
            try kind.map { value in
                guard let parsed = AnnotationKind(rawValue: value.lowercased()) else {
                    throw CommandError.invalidValue(
                        option: "kind", value: value,
                        allowed: AnnotationKind.allCases.map(\.rawValue))
                }
                return parsed
            } ?? .comment
        if let paragraph, paragraph < 1 {
            throw CommandError.invalidArgument("--paragraph counts from 1, got \(paragraph)")
        }
        let annotation = try cli.openStore(store.store).annotate(
            article, text: text, kind: annotationKind, paragraph: paragraph.map { $0 - 1 })
        return annotation.id + "\n"
    }
}
