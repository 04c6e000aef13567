import ArgumentParser
import BulletinCore
import CZlib
import NIOCore
import SyncProtocol

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `bulletin-bench protocol`: encode + compress and decode + inflate of a `push` of change records with ~5 KB
/// Vietnamese bodies, against plain zlib at the same level on the same JSON bytes.
struct ProtocolBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "protocol",
        abstract: "Protocol codec throughput and compression ratio versus plain zlib."
    )

    @Option(help: "Change records in the push batch.")
    var changes = 1_000

    @Option(help: "Approximate UTF-8 bytes of each article body.")
    var bodyBytes = 5_000

    @Option(help: "Timed rounds (the fastest of each measurement is reported).")
    var repetitions = 9

    @Option(help: "zlib level for both our codec and the baseline.")
    var level: Int32 = Zlib.defaultLevel

    @Option(help: "Seed of the generated text.")
    var seed: UInt64 = 20_240_905

    @Option(help: "Also write the push's canonical JSON to this file (to compare with other tools).")
    var writeJSON: String?

    mutating func run() async throws {
        let push = Message.push(Push(batchID: "bench-batch", changes: makeChanges()))
        let codec = FrameCodec(compressionLevel: level)
        let json = FrameCodec.json(push)
        let frame = codec.frame(for: push)
        let compressed = Zlib.compress(json, level: level)
        if let writeJSON {
            try writeFile(json, to: writeJSON)
        }

        // Correctness first: the frame must decode back to the same batch.
        var check = ByteBuffer(bytes: frame)
        guard let raw = try codec.readFrame(from: &check), try codec.decode(raw) == push else {
            throw ValidationError("the encoded push did not decode to the same batch")
        }

        // The baseline's buffers exist before timing starts, as does the received frame's ByteBuffer (a channel
        // hands the decoder bytes that are already in one).
        var deflated = [UInt8](repeating: 0, count: PlainZlib.bound(json.count, level: level))
        var inflated = [UInt8](repeating: 0, count: json.count)
        guard PlainZlib.deflate(json, level: level, into: &deflated) == compressed.count,
            PlainZlib.inflate(compressed, into: &inflated) == json.count, inflated == json
        else { throw ValidationError("the plain zlib baseline does not reproduce the codec's bytes") }
        let received = ByteBuffer(bytes: frame)

        // Ours and the baseline alternate within each round, so that load from other processes hits both alike;
        // the fastest round of each is reported (the least disturbed by other work on the machine). Results are
        // kept until the next round so that freeing them is not timed (the baseline frees nothing either).
        var timings = Timings()
        var keptFrame: [UInt8] = []
        var keptMessage: Message?
        for _ in 0..<max(1, repetitions) {
            keptFrame = []
            timings.encode.append(try time { keptFrame = codec.frame(for: push) })
            timings.zlibCompress.append(try time { _ = PlainZlib.deflate(json, level: level, into: &deflated) })
            keptMessage = nil
            timings.decode.append(
                try time {
                    var buffer = received
                    guard let raw = try codec.readFrame(from: &buffer) else {
                        throw ValidationError("incomplete frame")
                    }
                    keptMessage = try codec.decode(raw)
                })
            timings.zlibInflate.append(try time { _ = PlainZlib.inflate(compressed, into: &inflated) })
            keptFrame = []
            timings.jsonWrite.append(try time { keptFrame = FrameCodec.json(push) })
            keptMessage = nil
            timings.jsonRead.append(try time { keptMessage = try FrameCodec.decodeJSON(json) })
            timings.validate.append(
                try time {
                    guard json.withUnsafeBufferPointer({ String(validating: $0, as: UTF8.self) }) != nil else {
                        throw ValidationError("not UTF-8")
                    }
                })
        }
        guard keptMessage == push, keptFrame == json else { throw ValidationError("a timed round went wrong") }

        let megabytes = Double(json.count) / 1_000_000
        print(
            "push of \(changes) change records, bodies ~\(bodyBytes) B, zlib level \(level), "
                + "best of \(repetitions) alternating rounds, thread CPU time")
        print("JSON \(json.count) B, frame \(frame.count) B, plain zlib \(compressed.count) B")
        print(row("", "ours", "plain zlib", "overhead"))
        print(
            row(
                "encode + compress MB/s", rate(megabytes, timings.encode.min()),
                rate(megabytes, timings.zlibCompress.min()),
                overhead(timings.encode.min(), timings.zlibCompress.min())))
        print(
            row(
                "decode + inflate MB/s", rate(megabytes, timings.decode.min()),
                rate(megabytes, timings.zlibInflate.min()),
                overhead(timings.decode.min(), timings.zlibInflate.min())))
        print(row("compression ratio", ratio(json.count, frame.count - 5), ratio(json.count, compressed.count), ""))
        print(row("JSON write alone MB/s", rate(megabytes, timings.jsonWrite.min()), "", ""))
        print(row("JSON read alone MB/s", rate(megabytes, timings.jsonRead.min()), "", ""))
        print(row("stdlib UTF-8 check MB/s", rate(megabytes, timings.validate.min()), "", ""))
        print("throughput is of uncompressed JSON bytes; overhead = our time / zlib time - 1 (goal <= 30 %)")
    }

    /// Every round's duration of each measurement.
    private struct Timings {
        var encode: [Duration] = []
        var zlibCompress: [Duration] = []
        var decode: [Duration] = []
        var zlibInflate: [Duration] = []
        var jsonWrite: [Duration] = []
        var jsonRead: [Duration] = []
        var validate: [Duration] = []
    }

    private func makeChanges() -> [ChangeRecord] {
        var corpus = VietnameseCorpus(seed: seed)
        var random = SeededRandom(seed: seed ^ 0xA5A5)
        let issueID = uuid(&random)
        let sectionID = uuid(&random)
        let source: JSONValue = .object([
            "outlet": .string("Baophapluat.vn"), "date": .string("05/9"), "authors": .array([.string("Lê Hồng")]),
        ])
        var records: [ChangeRecord] = []
        records.reserveCapacity(changes)
        for index in 0..<changes {
            let paragraphs: [JSONValue] = corpus.articleBody(targetBytes: bodyBytes).map { .string($0) }
            var fields: [String: JSONValue] = [:]
            fields["issue_id"] = .string(issueID)
            fields["section_id"] = .string(sectionID)
            fields["title"] = .string(corpus.title())
            fields["paragraphs"] = .array(paragraphs)
            fields["source"] = source
            fields["contents_page"] = .int(Int64(index / 3 + 1))
            fields["position"] = .int(Int64(index + 1))
            let hlc = HLCTimestamp(wallMillis: 1_725_523_200_000 + Int64(index), counter: 0)
            records.append(
                ChangeRecord(
                    changeID: uuid(&random), entity: .article, entityID: uuid(&random), op: .create, fields: fields,
                    hlc: hlc, author: "editor-lan", clientID: "5f0c6f7e-2b7d-4c1a-9a57-1f1de2a3b4c5"))
        }
        return records
    }

    private func uuid(_ random: inout SeededRandom) -> String {
        let digits = Array("0123456789abcdef")
        let hex = (0..<32).map { _ in digits[Int(random.next() % 16)] }
        let groups = [hex[0..<8], hex[8..<12], hex[12..<16], hex[16..<20], hex[20..<32]]
        return groups.map { String($0) }.joined(separator: "-")
    }

    private func writeFile(_ bytes: [UInt8], to path: String) throws {
        guard let file = fopen(path, "wb") else { throw ValidationError("cannot open \(path) for writing") }
        defer { fclose(file) }
        guard bytes.withUnsafeBytes({ fwrite($0.baseAddress, 1, $0.count, file) }) == bytes.count else {
            throw ValidationError("cannot write \(path)")
        }
    }

    /// The CPU time the current thread spends in `body`: unlike wall time, it does not count the time other
    /// processes hold the CPU, so figures stay comparable on a busy machine.
    private func time(_ body: () throws -> Void) throws -> Duration {
        let start = threadCPUTime()
        try body()
        return threadCPUTime() - start
    }

    private func threadCPUTime() -> Duration {
        var now = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
        return .seconds(now.tv_sec) + .nanoseconds(now.tv_nsec)
    }

    private func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    private func rate(_ megabytes: Double, _ duration: Duration?) -> String {
        guard let duration else { return "n/a" }
        return String(format1: megabytes / seconds(duration))
    }

    private func overhead(_ ours: Duration?, _ baseline: Duration?) -> String {
        guard let ours, let baseline else { return "n/a" }
        return String(format1: (seconds(ours) / seconds(baseline) - 1) * 100) + " %"
    }

    private func ratio(_ original: Int, _ compressed: Int) -> String {
        String(format1: Double(original) / Double(compressed)) + "×"
    }

    private func row(_ label: String, _ ours: String, _ zlib: String, _ overhead: String) -> String {
        label.padding(24) + ours.leftPadding(10) + zlib.leftPadding(12) + overhead.leftPadding(10)
    }
}

extension String {
    /// A number with one decimal, without Foundation.
    init(format1 value: Double) {
        let tenths = (value * 10).rounded()
        self = tenths.isFinite ? "\(Int(tenths) / 10).\(abs(Int(tenths)) % 10)" : "n/a"
    }

    fileprivate func padding(_ width: Int) -> String {
        self + String(repeating: " ", count: max(0, width - count))
    }

    fileprivate func leftPadding(_ width: Int) -> String {
        String(repeating: " ", count: max(0, width - count)) + self
    }
}
