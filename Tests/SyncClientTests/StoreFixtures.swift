import BulletinCore
import Foundation
import GRDB
import SyncProtocol

@testable import SyncClient

/// A wall clock tests move by hand.
final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var millis: Int64

    init(_ millis: Int64 = 1_725_523_200_000) {
        self.millis = millis
    }

    var now: Int64 {
        lock.withLock { millis }
    }

    func set(_ value: Int64) {
        lock.withLock { millis = value }
    }
}

/// Deterministic lowercase UUID-shaped ids: `<prefix>-0000-4000-8000-<counter>`.
final class SequentialIDs: @unchecked Sendable {
    private let lock = NSLock()
    private var counter = 0
    private let prefix: String

    init(prefix: String = "0000aaaa") {
        self.prefix = prefix
    }

    func next() -> String {
        lock.withLock {
            counter += 1
            let digits = String(counter, radix: 16)
            return "\(prefix)-0000-4000-8000-" + String(repeating: "0", count: 12 - digits.count) + digits
        }
    }
}

/// A temporary directory removed when the value is released.
final class TemporaryDirectory: @unchecked Sendable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("bulletin-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String {
        url.appendingPathComponent(name).path
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}

enum StoreFixtures {
    static func options(clock: ManualClock = ManualClock(), ids: SequentialIDs = SequentialIDs()) -> LocalStoreOptions {
        LocalStoreOptions(wallClock: { clock.now }, makeID: { ids.next() })
    }

    /// A small issue with real Vietnamese text: two sections, three articles, one annotation.
    static func sampleIssue(id: String = "5a000000-0000-4000-8000-000000000001", date: String = "2024-09-05")
        -> Issue
    {
        let first = Article(
            id: "5a000000-0000-4000-8000-0000000000a1", number: 1,
            title: "Tăng cường cải cách hành chính, kiểm soát thủ tục hành chính",
            paragraphs: [
                "Đây là đề nghị của Bộ trưởng Nguyễn Hải Ninh tại buổi làm việc với Văn phòng Bộ Tư pháp.",
                "Công tác tham mưu được triển khai đồng bộ, xuyên suốt từ Trung ương đến địa phương.",
            ],
            source: Citation(outlet: "Baophapluat.vn", date: "05/9", authors: ["Lê Hồng"]),
            contentsPage: 1,
            annotations: [
                Annotation(
                    id: "5a000000-0000-4000-8000-0000000000c1",
                    articleID: "5a000000-0000-4000-8000-0000000000a1",
                    paragraph: 0, kind: .factCheck, text: "contents: … / heading: …", author: "import",
                    createdAt: "2024-09-05T08:00:00Z")
            ])
        let second = Article(
            id: "5a000000-0000-4000-8000-0000000000a2", number: 2,
            title: "Lâm Đồng: Đẩy mạnh ứng dụng công nghệ thông tin",
            paragraphs: ["Tỉnh Lâm Đồng đã tiếp nhận 5.700 hồ sơ trực tuyến."],
            source: Citation(outlet: "Baolamdong.vn", date: "05/9", authors: []))
        let third = Article(
            id: "5a000000-0000-4000-8000-0000000000a3", number: 3,
            title: "Tạo môi trường công khai, minh bạch",
            paragraphs: ["Ngân sách hỗ trợ khoảng 9,7 tỷ dong cho người dân.", "Đoạn thứ hai."],
            source: nil)
        return Issue(
            id: id, date: date, weekday: "THỨ NĂM", yearLine: "Năm 2024", releaseLine: "Phát hành: 05/9/2024",
            titleLines: ["Bản tin", "Điểm báo"], subject: "CẢI CÁCH HÀNH CHÍNH",
            cadence: "(Phát hành hàng ngày từ thứ Hai đến thứ Sáu)",
            intro: "Trong ngày, một số vấn đề được báo chí quan tâm phản ánh:", editor: "Thanh Hồng",
            sections: [
                Section(
                    id: "5a000000-0000-4000-8000-0000000000b1", title: "CHỦ TRƯỞNG CẢI CÁCH", contentsPage: 1,
                    articles: [first, second]),
                Section(
                    id: "5a000000-0000-4000-8000-0000000000b2", title: "PHÂN TÍCH – BÌNH LUẬN",
                    contentsPage: 11, articles: [third]),
            ])
    }
}

/// Row counts of every table a user action touches, to prove an action left nothing behind.
struct TableCounts: Equatable, CustomStringConvertible {
    var counts: [String: Int]
    /// The persisted clock: a failed action must not have advanced it either.
    var clock: String

    static let tables = ["issue", "section", "article", "annotation", "outbox", "change_log", "article_search"]
    /// Tables whose rows carry per-field versions: their total length is counted too ("versions"), since an
    /// action that wrote a version and failed changes no row count.
    static let versioned = ["issue", "section", "article", "annotation", "conflict"]

    init(_ store: LocalStore) throws {
        (counts, clock) = try store.writer.read { db in
            var counts: [String: Int] = [:]
            for table in Self.tables {
                counts[table] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? -1
            }
            counts["versions"] = try Self.versioned.reduce(0) { total, table in
                total + (try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(LENGTH(versions)), 0) FROM \(table)") ?? -1)
            }
            return (counts, try String.fetchOne(db, sql: "SELECT hlc FROM replica") ?? "")
        }
    }

    var description: String {
        counts.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ") + " hlc=\(clock)"
    }
}

extension LocalStore {
    /// The outbox's records, oldest first.
    func outbox() throws -> [ChangeRecord] {
        try pendingChanges(maxCount: .max, maxBytes: .max)
    }
}
