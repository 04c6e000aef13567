import BulletinCore
import Foundation
import Hummingbird
import SyncClient
import SyncProtocol

/// The conflicts list, one conflict side by side, and its resolution.
enum ConflictRoutes {
    static func register(on router: Router<BasicRequestContext>, desk: Desk) {
        router.get("/conflicts") { request, _ -> Response in
            let env = try await desk.env(for: request)
            let (open, resolved, subjects) = try await desk.read { store in
                let all = try store.conflicts(includingResolved: true)
                var subjects: [String: ConflictSubject] = [:]
                for conflict in all.prefix(200) { subjects[conflict.id] = ConflictSubject.find(conflict, in: store) }
                return (all.filter { $0.status == .open }, all.filter { $0.status != .open }, subjects)
            }
            return DeskResponse.html(ConflictPages.list(env, open: open, resolved: resolved, subjects: subjects))
        }

        router.get("/conflicts/:id") { request, context -> Response in
            let id = try PathID.get(context)
            let env = try await desk.env(for: request)
            let conflict = try await exact(desk, id)
            let subject = try await desk.read { store in ConflictSubject.find(conflict, in: store) }
            return DeskResponse.html(ConflictPages.detail(env, conflict, subject: subject))
        }

        router.post("/conflicts/:id/resolve") { request, context -> Response in
            let id = try PathID.get(context)
            let form = try await desk.form(request)
            try await IssueRoutes.requireEditor(desk, request)
            let conflict = try await exact(desk, id)
            let choice: ConflictChoice
            switch form["take"] {
            case "mine": choice = .take(.mine)
            case "theirs": choice = .take(.theirs)
            case "merged":
                let text = form["merged"] ?? ""
                switch conflict.field {
                case "title":
                    let title = text.trimmingCharacters(in: .whitespacesAndNewlines)
                    guard !title.isEmpty else {
                        throw DeskFailure.badRequest("error.missing_field", ["field": "merged"])
                    }
                    choice = .value(.string(title))
                case "paragraphs":
                    choice = .value(.array(ParagraphText.split(text).map(JSONValue.string)))
                default:
                    throw DeskFailure.badRequest("error.merge_not_text")
                }
            default:
                throw DeskFailure.badRequest("error.invalid_input")
            }
            guard conflict.status == .open else { throw DeskFailure(status: 409, key: "error.conflict_resolved") }
            try await desk.change { store in try store.resolveConflict(id, choice: choice) }
            return DeskResponse.redirect("/conflicts/\(id)", fallback: "/conflicts")
        }
    }

    /// The conflict with this exact id (404 otherwise).
    static func exact(_ desk: Desk, _ id: String) async throws -> ConflictInfo {
        let conflict = try await desk.read { store in try store.conflict(id) }
        guard conflict.id == id else { throw DeskFailure.notFound }
        return conflict
    }
}
