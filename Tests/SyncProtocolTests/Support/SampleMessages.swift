import SyncProtocol

/// One example of every v1 message, with realistic values; shared by round-trip, pipeline and vector tests.
enum SampleMessages {
    static let clientID = "5f0c6f7e-2b7d-4c1a-9a57-1f1de2a3b4c5"
    static let issueID = "0b3e7a52-8c1f-4d2e-b6a9-3c4d5e6f7a80"
    static let sectionID = "1c4f8b63-9d20-4e3f-87ba-4d5e6f708192"
    static let articleID = "2d509c74-ae31-4f40-98cb-5e6f708192a3"

    /// An opening paragraph of the 2024-09-05 bulletin (NFC, as in the sample file).
    static let vietnameseParagraph = """
        Đây là đề nghị của Bộ trưởng Nguyễn Hải Ninh tại buổi làm việc với Văn phòng Bộ Tư pháp về công tác \
        văn phòng. Thứ trưởng Nguyễn Thanh Tịnh cùng dự buổi làm việc.
        """

    /// The paragraph after it.
    static let secondVietnameseParagraph = """
        Tại buổi làm việc, Phó Chánh Văn phòng Bộ Lê Tuấn Phong đã báo cáo tóm tắt về kết quả thực hiện nhiệm vụ \
        công tác 8 tháng đầu năm 2024. Theo đó, với sự lãnh đạo, chỉ đạo sát sao của Lãnh đạo Bộ, sự đoàn kết, \
        nỗ lực, cố gắng của toàn thể công chức, người lao động, các nhiệm vụ chính trị của Văn phòng Bộ đã được \
        thực hiện chủ động, bám sát chỉ đạo của Lãnh đạo Bộ và kế hoạch công tác đề ra.
        """

    static let articleTitle = "Tăng cường cải cách hành chính, kiểm soát thủ tục hành chính"

    /// A `create` of an article carrying real Vietnamese text.
    static let articleCreate = ChangeRecord(
        changeID: "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", entity: .article, entityID: articleID, op: .create,
        fields: [
            "issue_id": .string(issueID),
            "section_id": .string(sectionID),
            "title": .string(articleTitle),
            "paragraphs": .array([.string(vietnameseParagraph), .string(secondVietnameseParagraph)]),
            "source": .object([
                "outlet": .string("Baophapluat.vn"),
                "date": .string("05/9"),
                "authors": .array([.string("Lê Hồng")]),
            ]),
            "contents_page": .int(1),
            "position": .double(1.5),
        ],
        hlc: HLCTimestamp(wallMillis: 1_725_523_200_000, counter: 3), author: "editor-lan", clientID: clientID)

    /// An `update` with a base version per changed field, as the server logged it (with `seq`).
    static let issueUpdate = ChangeRecord(
        changeID: "7e6d5c4b-3a29-4817-a6f5-e4d3c2b1a097", entity: .issue, entityID: issueID, op: .update,
        fields: [
            "state": .string("review"), "intro": .string("Trong ngày, một số vấn đề được báo chí quan tâm phản ánh:"),
        ],
        base: ["state": "6d5c4b3a-2918-4706-95e4-d3c2b1a09786"],
        hlc: HLCTimestamp(wallMillis: 1_725_523_260_123, counter: 0), author: "editor-minh", clientID: clientID,
        seq: 42)

    /// The same `update` as its author pushed it (no `seq`).
    static var issueUpdatePushed: ChangeRecord {
        var change = issueUpdate
        change.seq = nil
        return change
    }

    /// The article as a snapshot page carries it: all current fields, `base` holding every field's version, and
    /// the identity of its latest change (a later title edit).
    static var articleSnapshot: ChangeRecord {
        var change = articleCreate
        let titleEdit = "e1d2c3b4-a596-4788-9a0b-1c2d3e4f5a6b"
        change.base = Dictionary(uniqueKeysWithValues: change.fields.keys.map { ($0, articleCreate.changeID) })
        change.base["title"] = titleEdit
        change.changeID = titleEdit
        change.hlc = HLCTimestamp(wallMillis: 1_725_530_000_000, counter: 0)
        change.author = "editor-minh"
        change.seq = 1_230
        return change
    }

    /// A `delete`, which carries no fields.
    static let annotationDelete = ChangeRecord(
        changeID: "5c4b3a29-1807-46f5-84d3-c2b1a0978675", entity: .annotation,
        entityID: "3e61ad85-bf42-4051-a9dc-6f708192a3b4", op: .delete,
        hlc: HLCTimestamp(wallMillis: 1_725_523_300_000, counter: 12), author: "editor-lan", clientID: clientID,
        seq: 43)

    static let hello = Message.hello(
        Hello(
            versions: [1], clientID: clientID, credentials: Credentials(user: "editor-lan", token: "s3cr3t-token"),
            appVersion: "bulletin/0.1.0", schemaVersion: 1))

    static let welcome = Message.welcome(
        Welcome(
            version: 1, serverID: "8f7e6d5c-4b3a-4291-8807-f6e5d4c3b2a1", headSeq: 1_234,
            limits: WireLimits(maxFrameBytes: 16 << 20, maxDecompressedBytes: 64 << 20, maxBatchChanges: 1_000),
            capabilities: ["snapshot", "subscribe", "edits"]))

    /// A `welcome` from a server offering `account`: the account the token belongs to, here a chief.
    static let welcomeWithAccount = Message.welcome(
        Welcome(
            version: 1, serverID: "8f7e6d5c-4b3a-4291-8807-f6e5d4c3b2a1", headSeq: 1_234,
            limits: WireLimits(maxFrameBytes: 16 << 20, maxDecompressedBytes: 64 << 20, maxBatchChanges: 1_000),
            capabilities: ["snapshot", "subscribe", "edits", "account"],
            account: WelcomeAccount(name: "Nguyễn Thị Lan", role: .chief)))

    /// A `welcome` from a server restored once from a backup taken at seq 1,180 (section 12.5).
    static let welcomeWithLogEpochs = Message.welcome(
        Welcome(
            version: 1, serverID: "8f7e6d5c-4b3a-4291-8807-f6e5d4c3b2a1", headSeq: 1_234,
            limits: WireLimits(maxFrameBytes: 16 << 20, maxDecompressedBytes: 64 << 20, maxBatchChanges: 1_000),
            capabilities: ["snapshot", "subscribe", "edits", "account", "log_epochs"],
            account: WelcomeAccount(name: "Nguyễn Thị Lan", role: .chief),
            logEpochs: [
                LogEpoch(epoch: "3e2d1c0b-a987-4654-b321-0fedcba98765", fromSeq: 0),
                LogEpoch(epoch: "b4a39281-7065-4f43-a210-fedcba987654", fromSeq: 1_180),
            ]))

    /// A replica offering again a record the restored log lacks, with the seq it had before (section 12.5).
    /// It carries no `base`: a re-offered record is ordered by its seq, not merged again.
    static var pushReoffer: Message {
        var change = issueUpdate
        change.base = [:]
        return .push(Push(batchID: "5c4b3a29-1807-46f5-a4d3-c2b1a0978675", changes: [change], reoffer: true))
    }

    static let push = Message.push(
        Push(
            batchID: "4b3a2918-0706-45e4-93c2-b1a097867564", changes: [articleCreate, issueUpdatePushed]))

    static let pushAck = Message.pushAck(
        PushAck(
            batchID: "4b3a2918-0706-45e4-93c2-b1a097867564",
            results: [
                ChangeResult(changeID: articleCreate.changeID, status: .applied, seq: 1_235),
                ChangeResult(changeID: issueUpdate.changeID, status: .duplicate, seq: 42),
                ChangeResult(
                    changeID: "3a291807-f6e5-44d3-b2a1-097867564534", status: .conflict, seq: 1_236,
                    conflictID: "29180706-e5d4-43c2-a1b0-978675645342"),
                ChangeResult(
                    changeID: "18070605-d4c3-42b1-a097-867564534231", status: .rejected,
                    reason: "editor-lan may not publish", code: "forbidden"),
            ],
            headSeq: 1_236))

    static let pull = Message.pull(
        Pull(
            since: 1_200, maxChanges: 500, maxBytes: 1 << 20,
            filter: PullFilter(entities: [.issue, .article], issues: [issueID])))

    static let snapshotPull = Message.pull(
        Pull(
            since: 0, maxChanges: 200, maxBytes: 4 << 20, snapshot: true, resume: "c25hcDoxMjM0OjQy"))

    static let changes = Message.changes(
        Changes(
            fromSeq: 41, toSeq: 43, more: true, changes: [issueUpdate, annotationDelete], headSeq: 1_236))

    /// A snapshot page that is not the last: the log cursor stays at `since` until the last page.
    static let snapshotChanges = Message.changes(
        Changes(
            fromSeq: 0, toSeq: 0, more: true, changes: [articleSnapshot], resume: "c25hcDoxMjM2OjE",
            headSeq: 1_236))

    static let subscribe = Message.subscribe(Subscribe(since: 1_236))
    static let notify = Message.notify(Notify(headSeq: 1_240))
    static let ping = Message.ping(Ping(nonce: 7))
    static let pong = Message.pong(Ping(nonce: 7))
    static let error = Message.error(
        ErrorMessage(
            .unsupportedVersion, "no common protocol version: offered [2], server supports [1]"))
    static let bye = Message.bye(Bye(reason: "client shutting down"))
    static let byeWithoutReason = Message.bye(Bye())

    /// Every sample, at least one per message type.
    static let all: [Message] = [
        hello, welcome, welcomeWithAccount, welcomeWithLogEpochs, push, pushReoffer, pushAck, pull, snapshotPull,
        changes, snapshotChanges, subscribe,
        notify, ping, pong, error, bye, byeWithoutReason,
    ]
}
