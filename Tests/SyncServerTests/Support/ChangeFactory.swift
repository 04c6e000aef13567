import Foundation
import SyncProtocol

/// Makes change records that follow the data contract, with fresh ids and an increasing clock.
struct ChangeFactory {
    var clientID = UUID().uuidString.lowercased()
    var author = "Thanh Hồng"
    private var millis: Int64 = 1_725_523_200_000

    static func newID() -> String { UUID().uuidString.lowercased() }

    mutating func record(
        _ kind: EntityKind, _ id: String, _ op: ChangeOperation, _ fields: [String: JSONValue] = [:],
        changeID: String = ChangeFactory.newID()
    ) -> ChangeRecord {
        millis += 1
        return ChangeRecord(
            changeID: changeID, entity: kind, entityID: id, op: op, fields: fields,
            hlc: HLCTimestamp(wallMillis: millis, counter: 0), author: author, clientID: clientID)
    }

    mutating func issue(_ id: String, date: String, state: String = "draft") -> ChangeRecord {
        record(
            .issue, id, .create,
            [
                "publication": "Điểm báo – Cải cách hành chính", "date": .string(date), "weekday": "THỨ NĂM",
                "year_line": "Năm 2024", "release_line": "Phát hành: 05/9/2024",
                "title_lines": ["Bản tin", "Điểm báo"], "subject": "CẢI CÁCH HÀNH CHÍNH",
                "cadence": "(Phát hành hàng ngày từ thứ Hai đến thứ Sáu)", "intro": "Xin giới thiệu",
                "editor": "Thanh Hồng", "state": .string(state),
            ])
    }

    mutating func section(_ id: String, issue: String, position: Int64 = 1) -> ChangeRecord {
        record(
            .section, id, .create,
            [
                "issue_id": .string(issue), "title": "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "position": .int(position),
                "contents_page": .null,
            ])
    }

    mutating func article(
        _ id: String, issue: String, section: String, title: String = "Tăng cường cải cách", position: Int64 = 1
    ) -> ChangeRecord {
        record(
            .article, id, .create,
            [
                "issue_id": .string(issue), "section_id": .string(section), "title": .string(title),
                "paragraphs": ["Đoạn một.", "Đoạn hai."],
                "source": ["outlet": "Baophapluat.vn", "date": "05/9", "authors": ["Lê Hồng"]],
                "contents_page": .int(2), "position": .int(position),
            ])
    }

    mutating func annotation(_ id: String, issue: String, article: String) -> ChangeRecord {
        record(
            .annotation, id, .create,
            [
                "issue_id": .string(issue), "article_id": .string(article), "paragraph": .int(0),
                "range": ["start": 0, "end": 4], "kind": "fact-check", "text": "Kiểm tra số liệu",
                "author": "Thanh Hồng", "created_at": "2024-09-05T08:30:00Z", "resolved": false,
            ])
    }

    mutating func update(_ kind: EntityKind, _ id: String, _ fields: [String: JSONValue]) -> ChangeRecord {
        record(kind, id, .update, fields)
    }

    mutating func delete(_ kind: EntityKind, _ id: String) -> ChangeRecord {
        record(kind, id, .delete)
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
