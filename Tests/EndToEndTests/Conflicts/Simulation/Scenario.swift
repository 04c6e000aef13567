import BulletinCore
import Foundation
import SyncProtocol

@testable import SyncClient

/// Where a scenario's clients sync: the server store in-process, or a real server over TCP.
protocol SimulationServer: Sendable {
    /// One sync of `store`, possibly cut short.
    func sync(_ store: LocalStore, interruption: InProcessSync.Interruption?) async throws
    /// Every entity the server holds: kind/id → state.
    func entities() async throws -> [String: EntityState]
    /// A new editor's store.
    func editor(_ name: String) throws -> LocalStore
    /// Lets the store's editor act as a chief (approve, publish, correct a published issue).
    func makeChief(_ store: LocalStore) throws
}

/// One randomized scenario: 3–5 editors (the first a chief) share an issue, make random offline edits, sync in
/// random orders (some syncs cut short), then everyone syncs twice. Everything is decided by the seed.
struct Scenario {
    static let date = "2024-09-05"
    static let names = ["Thanh Hồng", "Minh Khang", "Ngọc Lan", "Văn Đức", "Thu Hà"]

    let seed: UInt64
    var rounds = 2
    var maxEditsPerRound = 2
    var interruptionPercent = 20

    /// Runs the scenario and returns what went wrong (empty when the stores converged and nothing was lost).
    func run(on server: some SimulationServer) async throws -> [String] {
        var random = SplitMix64(seed: seed)
        var journal = EditJournal()
        let count = Int.random(in: 3...5, using: &random)
        let stores = try (0..<count).map { try server.editor(Self.names[$0]) }
        try server.makeChief(stores[0])
        try seedIssue(stores[0], journal: &journal)
        for store in stores { try await server.sync(store, interruption: nil) }
        for _ in 0..<rounds {
            for (index, store) in stores.enumerated() {
                let editor = RandomEditor(store: store, date: Self.date, isChief: index == 0)
                for _ in 0..<Int.random(in: 0...maxEditsPerRound, using: &random) {
                    try editor.edit(using: &random, journal: &journal)
                }
            }
            for store in stores.shuffled(using: &random) {
                var interruption: InProcessSync.Interruption?
                if Int.random(in: 0..<100, using: &random) < interruptionPercent {
                    interruption = InProcessSync.Interruption.allCases.randomElement(using: &random)
                }
                try await server.sync(store, interruption: interruption)
            }
        }
        let order = stores.shuffled(using: &random)
        for _ in 0..<2 {
            for store in order { try await server.sync(store, interruption: nil) }
        }
        let final = FinalState(entities: try await server.entities())
        return try convergenceProblems(stores, final) + journal.problems(in: final)
    }

    private func seedIssue(_ store: LocalStore, journal: inout EditJournal) throws {
        try store.createIssue(date: Self.date)
        try store.addSection(issue: Self.date, title: "CHỦ TRƯƠNG CẢI CÁCH")
        try store.addSection(issue: Self.date, title: "CẢI CÁCH ĐỊA PHƯƠNG")
        for (number, section) in [1, 2].enumerated() {
            let start = number * 2
            let paragraphs = Array(SimulationCorpus.paragraphs[start..<(start + 3)])
            let article = try store.addArticle(
                issue: Self.date, section: section, title: SimulationCorpus.titles[number], paragraphs: paragraphs,
                source: Citation(outlet: "Baophapluat.vn", date: "05/9", authors: ["Lê Hồng"]))
            journal.text(article.id, before: [], after: paragraphs)
        }
        let first = try store.articleText("\(Self.date)/1").article.id
        let note = try store.annotate(first, text: "Kiểm tra số liệu", kind: .factCheck)
        journal.annotations.insert(note.id)
    }

    /// Every store holds exactly the server's state: each live entity with the same fields and versions, each
    /// deleted one deleted or absent, and nothing left to push.
    private func convergenceProblems(_ stores: [LocalStore], _ final: FinalState) throws -> [String] {
        var problems: [String] = []
        for store in stores {
            let editor = try store.replicaInfo().editor
            let local = try store.allEntities()
            for (key, state) in final.entities {
                if state.deleted {
                    if local[key].map({ !$0.deleted }) ?? false { problems.append("\(editor): \(key) is alive") }
                } else if local[key] != state {
                    problems.append("\(editor): \(key) differs from the server's")
                }
            }
            for (key, state) in local where !state.deleted && final.entities[key] == nil {
                problems.append("\(editor): \(key) is unknown to the server")
            }
            if try store.pendingCount() > 0 { problems.append("\(editor): changes left in the outbox") }
            for rejected in try store.rejectedChanges() {
                problems.append(
                    "\(editor): change \(rejected.change.changeID.prefix(8)) was rejected: "
                        + (rejected.reason ?? "?"))
            }
        }
        return problems
    }
}

/// Text for simulated articles: the sample bulletin's paragraphs, shortened.
enum SimulationCorpus {
    static let titles = [
        "Nhân rộng cấp Phiếu lý lịch tư pháp trên VNeID",
        "Hà Nội: cấp phiếu qua ứng dụng tăng mạnh",
        "Lâm Đồng đẩy mạnh chuyển đổi số",
    ]

    static let paragraphs = [
        "Sau hai địa phương gồm Hà Nội và Thừa Thiên Huế thí điểm cấp Phiếu lý lịch tư pháp trên VNeID, "
            + "từ 1/10 tới đây, hoạt động này sẽ được nhân rộng ra trên toàn quốc.",
        "Tại TP Hà Nội đã tiếp nhận gần 63.000 hồ sơ, trong đó yêu cầu cấp trên ứng dụng VNeID là 43.183 hồ sơ, "
            + "chiếm 69,3%.",
        "Thay vì phải đến trực tiếp bộ phận một cửa, nay người dân chỉ cần sử dụng điện thoại thông minh có kết "
            + "nối Internet.",
        "Cảnh tượng người dân phải xếp hàng từ sáng sớm tại những điểm cấp Phiếu lý lịch tư pháp đã không còn.",
        "Ngân sách thành phố hỗ trợ khoảng 9,7 tỷ đồng cho đến hết 31/12/2024.",
        "Tỉnh Lâm Đồng đã tiếp nhận 5.700 hồ sơ trực tuyến, giảm thời gian đi lại của người dân.",
        "Đối với Bộ Tư pháp, phải kết nối, chia sẻ dữ liệu giữa Cơ sở Dữ liệu quốc gia về dân cư với các cơ sở "
            + "dữ liệu của ngành.",
        "Công nghệ và dữ liệu được kết nối thông suốt đã tạo nên một cuộc cách mạng trong cải cách thủ tục.",
    ]
}
