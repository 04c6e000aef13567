import BulletinCore
import SyncClient
import SyncProtocol

/// What a conflict is about, named for people in the page's language (the library's `target` text is English).
struct ConflictSubject: Sendable {
    enum Kind: Sendable {
        case article(String)
        case annotation(String)
        case section(String)
        case issue(String)
        case other
    }

    var kind: Kind
    /// Where it is on the issue page.
    var href: String

    /// Looks the subject up in the store.
    static func find(_ conflict: ConflictInfo, in store: LocalStore) -> ConflictSubject {
        let issuePath = "/issues/\(conflict.issueID)"
        switch conflict.entity {
        case .article:
            let title = (try? store.article(conflict.entityID).title) ?? ""
            return ConflictSubject(kind: .article(title), href: issuePath + "#a-\(conflict.entityID)")
        case .annotation:
            if let location = try? store.annotationLocation(conflict.entityID),
                let title = try? store.article(location.articleID).title
            {
                return ConflictSubject(kind: .annotation(title), href: issuePath + "#n-\(conflict.entityID)")
            }
            return ConflictSubject(kind: .other, href: issuePath)
        case .section:
            let title = (try? store.issue(conflict.issueID).sections.first { $0.id == conflict.entityID }?.title) ?? nil
            return ConflictSubject(kind: .section(title ?? ""), href: issuePath + "#s-\(conflict.entityID)")
        case .issue:
            return ConflictSubject(kind: .issue((try? store.issue(conflict.issueID).date) ?? ""), href: issuePath)
        default:
            return ConflictSubject(kind: .other, href: issuePath)
        }
    }

    /// The subject in words.
    func text(_ env: PageEnv) -> String {
        switch kind {
        case .article(let title): env.t("conflict.target.article", ["title": title])
        case .annotation(let title): env.t("conflict.target.annotation", ["title": title])
        case .section(let title): env.t("conflict.target.section", ["title": title])
        case .issue(let date): env.t("conflict.target.issue", ["date": env.format.longDate(date)])
        case .other: env.t("conflict.target.other")
        }
    }
}
