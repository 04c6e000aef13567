import BulletinCore
import SyncProtocol
import TestSupport
import Testing

@testable import SyncClient
@testable import SyncServer

/// The merge rules, one by one, end to end: editors' stores make offline edits, sync through the server store
/// in-process, and every replica ends with the server's state.
@Suite(.timeLimit(.minutes(1)))
struct ConcurrentEditTests {
    static let paragraph = "Tại TP Hà Nội đã tiếp nhận gần 63.000 hồ sơ, tăng trên 13.000 hồ sơ so với tháng 7/2024."
    static let body = [
        "Sau hai địa phương gồm Hà Nội và Thừa Thiên Huế thí điểm cấp Phiếu lý lịch tư pháp trên VNeID.",
        paragraph,
        "Ngân sách thành phố hỗ trợ khoảng 9,7 tỷ đồng cho đến hết 31/12/2024.",
    ]

    /// Two editors (and a third) who all hold the same one-article issue; Hồng is the chief editor.
    struct Desk {
        let room: Newsroom
        let hong: LocalStore
        let khang: LocalStore
        let lan: LocalStore
        let article: String

        /// Runs `body` with a desk whose server store is of `kind`.
        static func with(_ kind: StoreKind, _ body: (Desk) async throws -> Void) async throws {
            try await Newsroom.with(kind) { room in try await body(try await Desk(room: room)) }
        }

        init(room: Newsroom) async throws {
            self.room = room
            hong = try room.editor("Thanh Hồng")
            khang = try room.editor("Minh Khang")
            lan = try room.editor("Ngọc Lan")
            try room.chiefs.add(hong)  // Hồng approves and publishes; Khang and Lan are editors
            try hong.createIssue(date: "2024-09-05")
            try hong.addSection(issue: "2024-09-05", title: "CẢI CÁCH THỦ TỤC HÀNH CHÍNH")
            article = try hong.addArticle(
                issue: "2024-09-05", section: 1, title: "Nhân rộng cấp Phiếu lý lịch tư pháp trên VNeID",
                paragraphs: ConcurrentEditTests.body, source: nil
            ).id
            try await room.syncAll(hong, khang, lan)
        }

        /// Syncs everyone twice (so everyone has everything) and checks that every replica equals the server.
        func settle() async throws {
            try await room.syncAll(hong, khang, lan, hong, khang, lan)
            let server = try await room.serverEntities()
            for store in [hong, khang, lan] {
                let local = try store.allEntities()
                let editor = try store.replicaInfo().editor
                for (key, state) in server where !state.deleted {
                    #expect(local[key] == state, "\(key) differs in \(editor)'s store")
                }
                #expect(try store.pendingCount() == 0)
                #expect(try store.rejectedChanges().isEmpty)
            }
        }

        func serverParagraphs() async throws -> [String] {
            try await room.server.entityState(.article, id: article)?.state.fields["paragraphs"]?.stringArray ?? []
        }
    }

    @Test(arguments: StoreKind.available)
    func twoTypoFixesInOneParagraphMergeCleanly(_ kind: StoreKind) async throws {
        try await Desk.with(kind) { desk in
            try desk.hong.editArticle(
                desk.article,
                paragraphs: [
                    Self.body[0],
                    Self.paragraph.replacingOccurrences(of: "63.000", with: "65.000"), Self.body[2],
                ])
            try desk.khang.editArticle(
                desk.article,
                paragraphs: [
                    Self.body[0],
                    Self.paragraph.replacingOccurrences(of: "13.000", with: "15.000"), Self.body[2],
                ])
            try await desk.settle()
            #expect(
                try await desk.serverParagraphs()[1]
                    == "Tại TP Hà Nội đã tiếp nhận gần 65.000 hồ sơ, tăng trên 15.000 hồ sơ so với tháng 7/2024.")
            #expect(try await desk.room.serverConflicts().isEmpty)
            #expect(try desk.lan.paragraphs(desk.article) == (try await desk.serverParagraphs()))
        }
    }

    @Test(arguments: StoreKind.available)
    func overlappingEditsConflictAndEveryReplicaShowsTheLaterWritersText(_ kind: StoreKind) async throws {
        try await Desk.with(kind) { desk in
            let hongText = Self.paragraph.replacingOccurrences(of: "63.000", with: "64.000")
            let khangText = Self.paragraph.replacingOccurrences(of: "63.000", with: "62.500")
            try desk.hong.editArticle(desk.article, paragraphs: [Self.body[0], hongText, Self.body[2]])
            try desk.khang.editArticle(desk.article, paragraphs: [Self.body[0], khangText, Self.body[2]])  // later
            try await desk.room.sync.sync(desk.khang)
            try await desk.room.sync.sync(desk.hong)  // Hồng's change arrives second: it is "mine" in the conflict
            try await desk.settle()
            #expect(try await desk.serverParagraphs() == [Self.body[0], khangText, Self.body[2]])
            let conflicts = try await desk.room.serverConflicts()
            let conflict = try #require(conflicts.values.first)
            #expect(conflicts.count == 1)
            #expect(conflict["kind"] == "text")
            #expect(conflict["field"] == "paragraphs")
            #expect(conflict["base"] == .array(Self.body.map(JSONValue.string)))
            #expect(conflict["mine"] == .array([Self.body[0], hongText, Self.body[2]].map(JSONValue.string)))
            #expect(conflict["theirs"] == .array([Self.body[0], khangText, Self.body[2]].map(JSONValue.string)))
            #expect(conflict["mine_author"] == "Thanh Hồng")
            #expect(conflict["theirs_author"] == "Minh Khang")
            #expect(conflict["status"] == "open")
            #expect(try desk.lan.openConflictCount() == 1)
        }
    }

    @Test(arguments: StoreKind.available)
    func nfdAndNfcSpellingsCompareEqualAndMergeToNFC(_ kind: StoreKind) async throws {
        try await Desk.with(kind) { desk in
            // The same fix typed in NFD by one editor and in NFC by the other is one change, not a conflict.
            let fixed = Self.body[0].replacingOccurrences(of: "Thừa Thiên Huế", with: "Thừa Thiên - Huế")
            try desk.hong.editArticle(
                desk.article,
                paragraphs: [
                    fixed.decomposedStringWithCanonicalMapping,
                    Self.body[1], Self.body[2],
                ])
            try desk.khang.editArticle(
                desk.article,
                paragraphs: [
                    fixed, Self.body[1],
                    Self.body[2].replacingOccurrences(of: "9,7", with: "9,8").decomposedStringWithCanonicalMapping,
                ])
            try await desk.settle()
            let merged = try await desk.serverParagraphs()
            #expect(merged == [fixed, Self.body[1], Self.body[2].replacingOccurrences(of: "9,7", with: "9,8")])
            #expect(merged.allSatisfy { $0 == $0.precomposedStringWithCanonicalMapping })
            #expect(try await desk.room.serverConflicts().isEmpty)
        }
    }

    @Test(arguments: StoreKind.available)
    func aParagraphSplitOnOneSideAndAWordFixOnTheOtherMerge(_ kind: StoreKind) async throws {
        try await Desk.with(kind) { desk in
            let split = Self.paragraph.components(separatedBy: ", tăng")
            try desk.hong.editArticle(
                desk.article,
                paragraphs: [
                    Self.body[0], split[0] + ".",
                    "Tăng" + split[1], Self.body[2],
                ])
            try desk.khang.editArticle(
                desk.article,
                paragraphs: [
                    Self.body[0].replacingOccurrences(of: "hai địa phương", with: "hai tỉnh, thành phố"), Self.body[1],
                    Self.body[2],
                ])
            try await desk.settle()
            #expect(
                try await desk.serverParagraphs() == [
                    Self.body[0].replacingOccurrences(of: "hai địa phương", with: "hai tỉnh, thành phố"),
                    split[0] + ".", "Tăng" + split[1], Self.body[2],
                ])
            #expect(try await desk.room.serverConflicts().isEmpty)
        }
    }

    @Test(arguments: StoreKind.available)
    func aParagraphJoinOnOneSideAndAWordFixInsideItOnTheOtherMerge(_ kind: StoreKind) async throws {
        try await Desk.with(kind) { desk in
            try desk.hong.editArticle(desk.article, paragraphs: [Self.body[0] + " " + Self.body[1], Self.body[2]])
            try desk.khang.editArticle(
                desk.article,
                paragraphs: [
                    Self.body[0],
                    Self.paragraph.replacingOccurrences(of: "tháng 7/2024", with: "tháng Bảy"), Self.body[2],
                ])
            try await desk.settle()
            #expect(
                try await desk.serverParagraphs() == [
                    Self.body[0] + " " + Self.paragraph.replacingOccurrences(of: "tháng 7/2024", with: "tháng Bảy"),
                    Self.body[2],
                ])
            #expect(try await desk.room.serverConflicts().isEmpty)
        }
    }

    @Test(arguments: StoreKind.available)
    func aTitleChangedOnBothSidesIsAConflictAndOnOneSideIsNot(_ kind: StoreKind) async throws {
        try await Desk.with(kind) { desk in
            try desk.hong.editArticle(desk.article, title: "Cả nước cấp Phiếu lý lịch tư pháp trên VNeID")
            try desk.khang.editArticle(desk.article, paragraphs: [Self.body[0], Self.body[1]])  // title untouched
            try await desk.settle()
            #expect(try await desk.room.serverConflicts().isEmpty)

            try desk.hong.editArticle(desk.article, title: "Từ 1/10, cấp Phiếu lý lịch tư pháp trên VNeID")
            try desk.khang.editArticle(desk.article, title: "Phiếu lý lịch tư pháp trên VNeID: nhân rộng toàn quốc")
            try await desk.settle()
            let conflicts = try await desk.room.serverConflicts()
            let conflict = try #require(conflicts.values.first)
            #expect(conflicts.count == 1)
            #expect(conflict["kind"] == "value")
            #expect(conflict["field"] == "title")
            #expect(conflict["base"] == "Cả nước cấp Phiếu lý lịch tư pháp trên VNeID")
            #expect(try desk.lan.fields(.article, desk.article)["title"] == conflict["current"])
            #expect(
                try desk.lan.fields(.article, desk.article)["paragraphs"]
                    == .array([Self.body[0], Self.body[1]].map(JSONValue.string)))
        }
    }

    @Test(arguments: StoreKind.available)
    func anEditOfAnArticleDeletedMeanwhileRestoresItWithTheEdit(_ kind: StoreKind) async throws {
        try await Desk.with(kind) { desk in
            try desk.hong.removeArticle(desk.article)
            let edited = [Self.body[0], Self.body[1], Self.body[2] + " Đây là bổ sung."]
            try desk.khang.editArticle(desk.article, paragraphs: edited)
            try await desk.room.sync.sync(desk.hong)  // the delete first
            try await desk.room.sync.sync(desk.khang)  // then the edit
            try await desk.settle()
            let stored = try #require(try await desk.room.server.entityState(.article, id: desk.article))
            #expect(!stored.state.deleted)
            #expect(stored.state.fields["paragraphs"] == .array(edited.map(JSONValue.string)))
            let conflict = try #require(try await desk.room.serverConflicts().values.first)
            #expect(conflict["kind"] == "delete")
            #expect(conflict["theirs"] == .null, "theirs deleted it")
            #expect(conflict["theirs_author"] == "Thanh Hồng")
            #expect(try desk.hong.article(desk.article).id == desk.article, "the deleter sees it again")
        }
    }

    @Test(arguments: StoreKind.available)
    func aDeleteThatArrivesAfterAnEditItHadNotSeenIsNotApplied(_ kind: StoreKind) async throws {
        try await Desk.with(kind) { desk in
            let edited = [Self.body[0], Self.body[1] + " Số liệu cập nhật.", Self.body[2]]
            try desk.khang.editArticle(desk.article, paragraphs: edited)
            try desk.hong.removeArticle(desk.article)
            try await desk.room.sync.sync(desk.khang)  // the edit first
            try await desk.room.sync.sync(desk.hong)  // then the delete, made without seeing it
            try await desk.settle()
            let stored = try #require(try await desk.room.server.entityState(.article, id: desk.article))
            #expect(!stored.state.deleted)
            #expect(stored.state.fields["paragraphs"] == .array(edited.map(JSONValue.string)))
            let conflict = try #require(try await desk.room.serverConflicts().values.first)
            #expect(conflict["kind"] == "delete")
            #expect(conflict["mine"] == .null, "mine deleted it")
            #expect(conflict["mine_author"] == "Thanh Hồng")
            #expect(try desk.hong.paragraphs(desk.article) == edited)

            // A delete made after seeing every edit is applied.
            try desk.lan.removeArticle(desk.article)
            try await desk.settle()
            #expect(try await desk.room.server.entityState(.article, id: desk.article)?.state.deleted == true)
            #expect(try await desk.room.serverConflicts().count == 1)
        }
    }

    @Test(arguments: StoreKind.available)
    func annotationsCreatedConcurrentlyNeverConflictButTwoEditsOfOneAnnotationDo(_ kind: StoreKind) async throws {
        try await Desk.with(kind) { desk in
            let first = try desk.hong.annotate(desk.article, text: "Kiểm tra số liệu 63.000", kind: .factCheck)
            let second = try desk.khang.annotate(desk.article, text: "Nguồn: Cục Cảnh sát QLHC", kind: .comment)
            try await desk.settle()
            #expect(try await desk.room.serverConflicts().isEmpty)
            #expect(
                try desk.lan.issue("2024-09-05").articles[0].annotations.map(\.id).sorted()
                    == [first.id, second.id].sorted())

            try desk.hong.perform { try $0.update(.annotation, id: first.id, fields: ["text": "Đã kiểm tra: 63.000"]) }
            try desk.khang.perform { try $0.update(.annotation, id: first.id, fields: ["text": "Sai: phải là 65.000"]) }
            try await desk.settle()
            let conflict = try #require(try await desk.room.serverConflicts().values.first)
            #expect(conflict["kind"] == "value")
            #expect(conflict["entity"] == "annotation")
            #expect(conflict["field"] == "text")
        }
    }

    @Test(arguments: StoreKind.available)
    func resolvedOnlyMovesForward(_ kind: StoreKind) async throws {
        try await Desk.with(kind) { desk in
            let note = try desk.hong.annotate(desk.article, text: "Cần xác minh", kind: .factCheck)
            try await desk.settle()
            try desk.hong.perform { try $0.update(.annotation, id: note.id, fields: ["resolved": true]) }
            try await desk.room.sync.sync(desk.hong)
            // Khang, who has not seen it, sends resolved = false with his (older) base: the flag stays true.
            let version = try #require(try desk.khang.entityState(.annotation, id: note.id)?.versions["resolved"])
            try desk.khang.perform {
                try $0.write(.annotation, id: note.id, fields: ["resolved": false], base: ["resolved": version])
            }
            try await desk.settle()
            #expect(try await desk.room.server.entityState(.annotation, id: note.id)?.state.fields["resolved"] == true)
            #expect(try await desk.room.serverConflicts().isEmpty)
        }
    }

    @Test(arguments: StoreKind.available)
    func positionsAndStateFollowTheirRulesWithoutConflicts(_ kind: StoreKind) async throws {
        try await Desk.with(kind) { desk in
            try desk.hong.perform { try $0.update(.article, id: desk.article, fields: ["position": .double(2.5)]) }
            try desk.khang.perform { try $0.update(.article, id: desk.article, fields: ["position": .double(0.5)]) }
            try desk.hong.setState(issue: "2024-09-05", to: .approved)
            try desk.khang.setState(issue: "2024-09-05", to: .review)
            try await desk.room.sync.sync(desk.khang)
            try await desk.room.sync.sync(desk.hong)
            try await desk.settle()
            let article = try #require(try await desk.room.server.entityState(.article, id: desk.article))
            #expect(article.state.fields["position"] == .double(0.5), "Khang moved it last (later clock)")
            let issueID = try desk.lan.issue("2024-09-05").id
            #expect(try await desk.room.server.entityState(.issue, id: issueID)?.state.fields["state"] == "approved")
            #expect(try await desk.room.serverConflicts().isEmpty)
        }
    }

    @Test(arguments: StoreKind.available)
    func anEditThatArrivesAfterPublicationIsALateEditAndIsNotApplied(_ kind: StoreKind) async throws {
        try await Desk.with(kind) { desk in
            try desk.hong.setState(issue: "2024-09-05", to: .published)
            let late = [Self.body[0], Self.body[1], Self.body[2] + " Thêm một câu."]
            try desk.khang.editArticle(desk.article, paragraphs: late)
            try await desk.room.sync.sync(desk.hong)
            try await desk.room.sync.sync(desk.khang)
            try await desk.settle()
            #expect(try await desk.serverParagraphs() == Self.body)
            #expect(try desk.khang.paragraphs(desk.article) == Self.body, "the author's replica has the published text")
            let conflict = try #require(try await desk.room.serverConflicts().values.first)
            #expect(conflict["kind"] == "late_edit")
            #expect(conflict["mine"] == .array(late.map(JSONValue.string)))
            #expect(conflict["mine_author"] == "Minh Khang")
            // Annotations are not content: they still work on a published issue.
            try desk.lan.annotate(desk.article, text: "Bản in đã phát hành", kind: .comment)
            try await desk.settle()
            #expect(try await desk.room.serverConflicts().count == 1)
        }
    }

    @Test(arguments: StoreKind.available)
    func twoOfflineEditsByOneEditorMergeWithAConcurrentOneWithoutLosingAny(_ kind: StoreKind) async throws {
        // The server merges Hồng's first edit with Khang's; her second edit names the first as its base but was
        // made against her own text: the server must merge it against that, not against the merged text.
        try await Desk.with(kind) { desk in
            try desk.khang.editArticle(
                desk.article,
                paragraphs: [
                    Self.body[0].replacingOccurrences(of: "Hà Nội", with: "TP Hà Nội"), Self.body[1], Self.body[2],
                ])
            try await desk.room.sync.sync(desk.khang)
            try desk.hong.editArticle(
                desk.article,
                paragraphs: [
                    Self.body[0],
                    Self.paragraph.replacingOccurrences(of: "63.000", with: "65.000"), Self.body[2],
                ])
            try desk.hong.editArticle(
                desk.article,
                paragraphs: [
                    Self.body[0],
                    Self.paragraph.replacingOccurrences(of: "63.000", with: "65.000"),
                    Self.body[2].replacingOccurrences(of: "9,7", with: "9,8"),
                ])
            try await desk.settle()
            #expect(
                try await desk.serverParagraphs() == [
                    Self.body[0].replacingOccurrences(of: "Hà Nội", with: "TP Hà Nội"),
                    Self.paragraph.replacingOccurrences(of: "63.000", with: "65.000"),
                    Self.body[2].replacingOccurrences(of: "9,7", with: "9,8"),
                ])
            #expect(try await desk.room.serverConflicts().isEmpty)
        }
    }

    @Test(arguments: StoreKind.available)
    func aResolutionIsAnOrdinaryChangeThatReachesEveryone(_ kind: StoreKind) async throws {
        try await Desk.with(kind) { desk in
            try desk.hong.editArticle(desk.article, title: "Tiêu đề của Hồng")
            try desk.khang.editArticle(desk.article, title: "Tiêu đề của Khang")
            try await desk.settle()
            // Khang's change arrived second ("mine") and is the later writer: the title shows it meanwhile.
            let conflictID = try #require(try desk.lan.conflicts().first?.id)
            #expect(try desk.lan.fields(.article, desk.article)["title"] == "Tiêu đề của Khang")
            let report = try desk.lan.resolveConflict(String(conflictID.prefix(8)), choice: .take(.theirs))
            #expect(report.wroteFields == ["title"])
            #expect(try desk.lan.openConflictCount() == 0)
            try await desk.settle()
            for store in [desk.hong, desk.khang, desk.lan] {
                #expect(try store.fields(.article, desk.article)["title"] == "Tiêu đề của Hồng")
                let resolved = try store.conflict(conflictID)
                #expect(resolved.status == .resolved)
                #expect(resolved.resolution == .theirs)
                #expect(resolved.resolvedBy == "Ngọc Lan")
            }
            #expect(try await desk.room.serverConflicts().count == 1, "a resolution opens nothing new")
        }
    }
}
