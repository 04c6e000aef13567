import Foundation
import SyncProtocol
import Testing

/// The conformance vectors of `Protocol/vectors/rejected/`: one push per rule of PROTOCOL.md section 21, plus
/// message-level cases, each with the exact answer a fresh server gives.
///
/// The cases are written here; the files hold them with the answers, regenerated on purpose with
/// `BULLETIN_WRITE_VECTORS=1 swift test --filter RejectionVectorTests`. Each case also names the outcome it must
/// have (``Outcome``), checked independently of the recorded answer, so regenerating cannot bless a wrong one.
struct RejectionVector: Sendable, CustomTestStringConvertible {
    /// What a step's answer must be, whatever else it says.
    enum Outcome: Sendable, Equatable {
        /// A `push_ack` whose results have these statuses, a rejection written `rejected:CODE`.
        case results([String])
        /// An `error` with this name.
        case error(String)
        /// A `changes` page.
        case changes
    }

    struct Step: Sendable {
        let send: JSONValue
        let outcome: Outcome
    }

    let name: String
    let about: String
    /// Whether the conversation starts with `hello` (answered by `welcome`).
    let hello: Bool
    /// Whether the store is first given the issue, section and article of ``setup`` (its own step).
    let setup: Bool
    let steps: [Step]

    var testDescription: String { name }

    /// The steps as sent, the setup's first.
    var allSteps: [Step] { (setup ? [Self.setupStep] : []) + steps }

    /// `Protocol/vectors/rejected/`, found from this source file's location.
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Protocol/vectors/rejected")

    // MARK: Building blocks

    static let issue = "0b3e7a52-8c1f-4d2e-b6a9-3c4d5e6f7a80"
    static let section = "1c4f8b63-9d20-4e3f-87ba-4d5e6f708192"
    static let article = "2d509c74-ae31-4f40-98cb-5e6f708192a3"
    static let client = "5f0c6f7e-2b7d-4c1a-9a57-1f1de2a3b4c5"
    static let unknown = "9f9f9f9f-9f9f-4f9f-8f9f-9f9f9f9f9f9f"

    /// A deterministic lowercase uuid: `kind` (one hex digit) and a number.
    static func id(_ kind: Character, _ number: Int) -> String {
        let digits = String(number, radix: 16)
        return "\(kind)0000000-0000-4000-8000-" + String(repeating: "0", count: 12 - digits.count) + digits
    }

    static let helloMessage: JSONValue = .object([
        "type": .string("hello"), "versions": .array([.int(1)]), "client_id": .string(client),
        "app_version": .string("conformance/1"), "schema_version": .int(1),
    ])

    static func push(_ batch: Int, _ changes: [JSONValue]) -> JSONValue {
        .object(["type": .string("push"), "batch_id": .string(id("b", batch)), "changes": .array(changes)])
    }

    static func record(
        _ number: Int, _ entity: String, _ entityID: String, _ op: String, _ fields: [String: JSONValue] = [:],
        base: [String: JSONValue] = [:], edit: (inout [String: JSONValue]) -> Void = { _ in }
    ) -> JSONValue {
        var members: [String: JSONValue] = [
            "change_id": .string(id("c", number)), "entity": .string(entity), "entity_id": .string(entityID),
            "op": .string(op), "fields": .object(fields), "base": .object(base),
            "hlc": .string(
                "001725523200000-" + String(repeating: "0", count: 5 - String(number).count)
                    + String(number)),
            "author": .string("editor-lan"), "client_id": .string(client),
        ]
        edit(&members)
        return .object(members)
    }

    static let issueFields: [String: JSONValue] = [
        "publication": .string("Điểm báo – Cải cách hành chính"), "date": .string("2024-09-05"),
        "weekday": .string("THỨ NĂM"), "year_line": .string("Năm 2024"),
        "release_line": .string("Phát hành: 05/9/2024"),
        "title_lines": .array([.string("Bản tin"), .string("Điểm báo")]),
        "subject": .string("CẢI CÁCH HÀNH CHÍNH"),
        "cadence": .string("(Phát hành hàng ngày từ thứ Hai đến thứ Sáu)"),
        "intro": .string("Trong ngày, một số vấn đề được báo chí quan tâm phản ánh:"),
        "editor": .string("Thanh Hồng"), "state": .string("draft"),
    ]

    static func sectionFields(title: JSONValue = .string("CHỦ TRƯƠNG CẢI CÁCH"), position: JSONValue = .int(1))
        -> [String: JSONValue]
    {
        ["issue_id": .string(issue), "title": title, "position": position, "contents_page": .int(1)]
    }

    static func articleFields(section: String = section) -> [String: JSONValue] {
        [
            "issue_id": .string(issue), "section_id": .string(section),
            "title": .string("Tăng cường cải cách hành chính, kiểm soát thủ tục hành chính"),
            "paragraphs": .array([.string("Đây là đề nghị của Bộ trưởng Nguyễn Hải Ninh.")]),
            "source": .object([
                "outlet": .string("Baophapluat.vn"), "date": .string("05/9"),
                "authors": .array([.string("Lê Hồng")]),
            ]),
            "contents_page": .int(1), "position": .int(1),
        ]
    }

    /// Creates the issue, its section and its article: seqs 1, 2, 3.
    static let setupStep = Step(
        send: push(
            0,
            [
                record(1, "issue", issue, "create", issueFields),
                record(2, "section", section, "create", sectionFields()),
                record(3, "article", article, "create", articleFields()),
            ]), outcome: .results(["applied", "applied", "applied"]))

    /// One push of one change after the setup, rejected with `code`.
    static func one(_ name: String, _ about: String, code: String, _ change: JSONValue) -> RejectionVector {
        RejectionVector(
            name: name, about: about, hello: true, setup: true,
            steps: [Step(send: push(1, [change]), outcome: .results(["rejected:" + code]))])
    }

    // MARK: The cases

    static let all: [RejectionVector] = [
        one(
            "invalid-id-entity", "an update whose entity_id is not a lowercase uuid", code: "invalid_id",
            record(10, "article", "ARTICLE-1", "update", ["title": .string("Tiêu đề")])),
        one(
            "invalid-id-client", "a change whose client_id is not a uuid", code: "invalid_id",
            record(10, "article", article, "update", ["title": .string("Tiêu đề")]) {
                $0["client_id"] = .string("k")
            }),
        one(
            "unknown-field", "a field the entity does not declare", code: "unknown_field",
            record(10, "article", article, "update", ["colour": .string("red")])),
        one(
            "unknown-field-in-base", "base naming a field the entity does not declare", code: "unknown_field",
            record(
                10, "article", article, "update", ["title": .string("Tiêu đề")],
                base: ["colour": .string(id("c", 3))])),
        one(
            "missing-field", "a create lacking a field of its entity", code: "missing_field",
            record(
                10, "issue", id("e", 1), "create",
                issueFields.merging(["date": .string("2024-09-06")]) { $1 }.filter { $0.key != "weekday" })),
        one(
            "wrong-type-paragraphs", "paragraphs as one string instead of an array of strings", code: "wrong_type",
            record(10, "article", article, "update", ["paragraphs": .string("Một đoạn.")])),
        one(
            "wrong-type-null", "null for a field that is not nullable", code: "wrong_type",
            record(10, "article", article, "update", ["title": .null])),
        one(
            "wrong-type-integer", "a fractional contents_page", code: "wrong_type",
            record(10, "section", section, "update", ["contents_page": .double(2.5)])),
        one(
            "invalid-format-date", "a date that is no calendar day", code: "invalid_format",
            record(10, "issue", issue, "update", ["date": .string("2024-02-30")])),
        one(
            "invalid-format-enumeration", "a state outside the enumeration", code: "invalid_format",
            record(10, "issue", issue, "update", ["state": .string("archived")])),
        one(
            "invalid-format-source", "a source object lacking members", code: "invalid_format",
            record(10, "article", article, "update", ["source": .object(["outlet": .string("VnExpress")])])),
        one(
            "invalid-format-reference", "a reference that is not a uuid", code: "invalid_format",
            record(10, "article", article, "update", ["section_id": .string("section-1")])),
        one(
            "invalid-base", "a base value that is not a change_id", code: "invalid_base",
            record(
                10, "article", article, "update", ["title": .string("Tiêu đề")],
                base: ["title": .string("yesterday")])),
        one(
            "invalid-operation-delete-with-fields", "a delete carrying fields", code: "invalid_operation",
            record(10, "article", article, "delete", ["title": .string("Tiêu đề")])),
        one(
            "invalid-operation-empty-update", "an update carrying no field", code: "invalid_operation",
            record(10, "article", article, "update")),
        one(
            "invalid-operation-conflict", "a client creating a conflict", code: "invalid_operation",
            record(10, "conflict", id("e", 2), "create", ["status": .string("open")])),
        one(
            "unknown-reference", "an article naming a section the server does not know", code: "unknown_reference",
            record(10, "article", id("e", 3), "create", articleFields(section: unknown))),
        RejectionVector(
            name: "rejected-dependency", about: "an article in a section whose create was rejected in the same push",
            hello: true, setup: true,
            steps: [
                Step(
                    send: push(
                        1,
                        [
                            record(10, "section", id("e", 4), "create", sectionFields(position: .string("first"))),
                            record(11, "article", id("e", 5), "create", articleFields(section: id("e", 4))),
                            record(12, "section", id("e", 6), "create", sectionFields()),
                        ]), outcome: .results(["rejected:wrong_type", "rejected:rejected_dependency", "applied"]))
            ]),
        RejectionVector(
            name: "accepted-deleted-parent",
            about: "not a refusal: an article created in a section deleted meanwhile is a concurrent edit (section 20)",
            hello: true, setup: true,
            steps: [
                Step(
                    send: push(
                        1,
                        [
                            record(10, "section", section, "delete", base: ["title": .string(id("c", 2))]),
                            record(11, "article", id("e", 7), "create", articleFields()),
                        ]), outcome: .results(["applied", "applied"]))
            ]),
        RejectionVector(
            name: "accepted-nfd-text-is-normalised",
            about: "not a refusal: text in NFD with CRLF is stored and logged as NFC with \\n",
            hello: true, setup: true,
            steps: [
                Step(
                    send: push(
                        1,
                        [
                            record(
                                10, "article", article, "update",
                                [
                                    "title": .string("Ca\u{0309}i ca\u{0301}ch\r\nha\u{0300}nh chi\u{0301}nh")
                                ])
                        ]), outcome: .results(["applied"])),
                Step(
                    send: .object([
                        "type": .string("pull"), "since": .int(3), "max_changes": .int(10), "max_bytes": .int(1 << 20),
                    ]), outcome: .changes),
            ]),
        RejectionVector(
            name: "message-pull-before-hello", about: "a pull before hello: unexpected_message, the connection stays",
            hello: false, setup: false,
            steps: [
                Step(
                    send: .object([
                        "type": .string("pull"), "since": .int(0), "max_changes": .int(10), "max_bytes": .int(1 << 20),
                    ]), outcome: .error("unexpected_message"))
            ]),
        RejectionVector(
            name: "message-empty-push", about: "an empty push is answered by an empty push_ack", hello: true,
            setup: false, steps: [Step(send: push(1, []), outcome: .results([]))]),
        RejectionVector(
            name: "message-change-id-not-a-uuid", about: "a change_id that is not a uuid refuses the whole push",
            hello: true, setup: true,
            steps: [
                Step(
                    send: push(
                        1,
                        [
                            record(10, "article", article, "update", ["title": .string("Tiêu đề")]),
                            record(11, "article", article, "update", ["title": .string("Khác")]) {
                                $0["change_id"] = .string("c1")
                            },
                        ]), outcome: .error("invalid_message"))
            ]),
        RejectionVector(
            name: "message-changes-not-an-array", about: "changes that is not an array refuses the whole push",
            hello: true, setup: false,
            steps: [
                Step(
                    send: .object([
                        "type": .string("push"), "batch_id": .string(id("b", 1)), "changes": .object([:]),
                    ]), outcome: .error("invalid_message"))
            ]),
    ]
}
