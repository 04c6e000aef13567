import ArgumentParser
import Foundation
import NIOCore
import SyncProtocol
import TestSupport

/// `bulletin-bench decoding`: how long the server's decoder takes per inflated megabyte, and how much memory it
/// needs, for a real push and for issue 19's hostile shapes, each in a fresh child process (so that its peak RSS
/// is its own).
struct DecodingBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decoding",
        abstract: "Inflate + decode time per MB and peak memory, for a normal push and the worst-case payloads."
    )

    @Option(help: "Inflated payload size in MiB (64: the post-login limit).")
    var mebibytes = 64

    @Option(help: "Timed decodes per shape (the fastest is reported).")
    var repetitions = 3

    @Option(help: "Measure one shape in this process and print one line (used by the parent run).")
    var shape: Int?

    mutating func run() async throws {
        let size = mebibytes << 20
        if let shape {
            try measure(shape: shape, size: size)
            return
        }
        let load = LoadAverage.now()
        print("decoding \(mebibytes) MiB payloads (zlib level 9), fastest of \(repetitions); load average \(load)")
        print(
            "shape".padding(toLength: 26, withPad: " ", startingAt: 0)
                + "  zlib KiB  result                 ms    MB/s   peak MiB  peak/N")
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        for index in 0..<Self.shapeNames(size: 1 << 10).count {
            let process = Process()
            process.executableURL = executable
            process.arguments = [
                "decoding", "--mebibytes", "\(mebibytes)", "--repetitions", "\(repetitions)",
                "--shape", "\(index)",
            ]
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            let line = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            print(String(decoding: line, as: UTF8.self), terminator: "")
        }
    }

    static func shapeNames(size: Int) -> [String] {
        ["normal push (Vietnamese)"] + HostilePayloads.all(size: size).map(\.name)
    }

    private func measure(shape: Int, size: Int) throws {
        let name = Self.shapeNames(size: 1 << 10)[shape]
        var frameBytes: [UInt8]
        var inflated: Int
        do {
            let json = shape == 0 ? normalPush(size: size) : HostilePayloads.all(size: size)[shape - 1].payload
            inflated = json.count
            frameBytes = Zlib.compress(json, level: 9)
        }
        let codec = FrameCodec(limits: FrameLimits(maxFrameBytes: 1 << 30, maxDecompressedBytes: 1 << 30))
        let frame = RawFrame(flags: RawFrame.compressedFlag, payload: ByteBuffer(bytes: frameBytes))
        let compressedKiB = frameBytes.count >> 10
        frameBytes = []
        // Peak RSS from here on is the decoder's: reset the high-water mark, then read the resident baseline.
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
        let baseline = Self.status("VmRSS")
        var best = Duration.seconds(1_000)
        var result = ""
        for _ in 0..<repetitions {
            let start = Self.threadCPUTime()
            do {
                let message = try codec.decode(frame)
                result = "decoded \(Self.typeName(message))"
            } catch let error as ProtocolError {
                result = error.code.name
            }
            best = min(best, Self.threadCPUTime() - start)
        }
        let peak = Self.status("VmHWM") - baseline
        let seconds = Double(best.components.seconds) + Double(best.components.attoseconds) / 1e18
        let megabytes = Double(inflated) / 1e6
        print(
            name.padding(toLength: 26, withPad: " ", startingAt: 0)
                + String(compressedKiB).leftPadded(10) + "  "
                + result.padding(toLength: 18, withPad: " ", startingAt: 0)
                + String(Int(seconds * 1000)).leftPadded(7) + String(Int(megabytes / seconds)).leftPadded(8)
                + String(peak >> 20).leftPadded(11)
                + String(Double(Int(Double(peak) / Double(inflated) * 100)) / 100).leftPadded(8))
    }

    /// A push of article creates with generated Vietnamese text, about `size` bytes of JSON.
    private func normalPush(size: Int) -> [UInt8] {
        var corpus = VietnameseCorpus(seed: 20_240_905)
        var records: [ChangeRecord] = []
        var total = 0
        var index = 0
        while total < size {
            let paragraphs = corpus.articleBody(targetBytes: 5_000).map { JSONValue.string($0) }
            let fields: [String: JSONValue] = [
                "issue_id": .string("0b3e7a52-8c1f-4d2e-b6a9-3c4d5e6f7a80"), "title": .string(corpus.title()),
                "paragraphs": .array(paragraphs), "position": .int(Int64(index)),
                "section_id": .string("1c4f8b63-9d20-4e3f-87ba-4d5e6f708192"),
            ]
            let record = ChangeRecord(
                changeID: UUID().uuidString.lowercased(), entity: .article, entityID: UUID().uuidString.lowercased(),
                op: .create, fields: fields,
                hlc: HLCTimestamp(wallMillis: 1_725_523_200_000 + Int64(index), counter: 0),
                author: "editor-lan", clientID: "5f0c6f7e-2b7d-4c1a-9a57-1f1de2a3b4c5")
            total += CanonicalJSON.bytes(record).count + 1
            records.append(record)
            index += 1
        }
        return FrameCodec.json(.push(Push(batchID: "bench", changes: records)))
    }

    private static func typeName(_ message: Message) -> String {
        switch message {
        case .push: "push"
        case .ping: "ping"
        case .hello: "hello"
        default: "\(message)".prefix(12).description
        }
    }

    /// A `/proc/self/status` figure in bytes (`VmRSS`, `VmHWM`).
    private static func status(_ key: String) -> Int {
        let text = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        for line in text.split(separator: "\n") where line.hasPrefix(key + ":") {
            let digits = line.split(separator: " ").dropFirst().first ?? "0"
            return (Int(digits) ?? 0) << 10
        }
        return 0
    }

    private static func threadCPUTime() -> Duration {
        var now = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
        return .seconds(now.tv_sec) + .nanoseconds(now.tv_nsec)
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
