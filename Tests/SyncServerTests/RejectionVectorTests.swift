import Foundation
import SyncProtocol
import TestSupport
import Testing

@testable import SyncServer

/// Every vector of `Protocol/vectors/rejected/` against a fresh server on loopback: what it sends, the server
/// answers byte for byte as the vector says, and the answer has the outcome the case requires.
@Suite struct RejectionVectorTests {
    static var writing: Bool { ProcessInfo.processInfo.environment["BULLETIN_WRITE_VECTORS"] == "1" }

    static func text(_ value: JSONValue) -> String {
        String(decoding: CanonicalJSON.bytes(value), as: UTF8.self)
    }

    /// On both store backends: the data contract is enforced before storage, so the bytes must not differ.
    @Test(arguments: StoreKind.available, RejectionVector.all)
    func theServerAnswersTheVectorExactly(_ kind: StoreKind, _ vector: RejectionVector) async throws {
        let file = RejectionVector.directory.appendingPathComponent(vector.name + ".json")
        var sends = vector.allSteps.map(\.send)
        var expected: [JSONValue]? = nil
        if !Self.writing {
            let document = try JSONValue(parsingJSON: String(contentsOf: file, encoding: .utf8))
            let steps = try #require(document.objectValue?["steps"]?.arrayValue)
            let fileSends = steps.compactMap { $0.objectValue?["send"] }
            #expect(fileSends == sends, "the file's messages are the case's (regenerate the vectors)")
            sends = fileSends
            expected = steps.compactMap { $0.objectValue?["expect"] }
            #expect(document.objectValue?["hello"] == (vector.hello ? RejectionVector.helloMessage : nil))
        }
        let outcomes = vector.allSteps.map(\.outcome)
        let toSend = sends
        let answers = try await withTimeout {
            try await withTestServer(kind) { server in
                try await RawTestClient.with(port: server.port) { client in
                    try await client.write(FrameCodec.preamble)
                    if vector.hello {
                        try await client.writeFrame(json: Self.text(RejectionVector.helloMessage))
                        guard case .welcome = try await client.nextMessage() else {
                            throw VectorFailure.noWelcome
                        }
                    }
                    var answers: [JSONValue] = []
                    for send in toSend {
                        try await client.writeFrame(json: Self.text(send))
                        guard let message = try await client.nextMessage() else { throw VectorFailure.closed }
                        answers.append(
                            try JSONValue(
                                parsingJSON: String(decoding: FrameCodec.json(message), as: UTF8.self)))
                    }
                    return answers
                }
            }
        }
        for (answer, outcome) in zip(answers, outcomes) {
            #expect(Self.outcome(of: answer) == outcome, "\(Self.text(answer))")
        }
        if let expected {
            #expect(answers == expected, "\(answers.map(Self.text))")
        } else {
            var document: [String: JSONValue] = [
                "about": .string(vector.about),
                "steps": .array(zip(sends, answers).map { .object(["send": $0, "expect": $1]) }),
            ]
            if vector.hello { document["hello"] = RejectionVector.helloMessage }
            try FileManager.default.createDirectory(at: RejectionVector.directory, withIntermediateDirectories: true)
            try PrettyJSON.text(.object(document)).write(to: file, atomically: true, encoding: .utf8)
        }
    }

    /// Every data-contract code a server sends has a vector, and every vector file is a case of this suite.
    @Test func everyRuleHasAVectorAndEveryFileACase() throws {
        var codes: Set<String> = []
        for vector in RejectionVector.all {
            for step in vector.allSteps {
                guard case .results(let results) = step.outcome else { continue }
                for result in results where result.hasPrefix("rejected:") {
                    codes.insert(String(result.dropFirst("rejected:".count)))
                }
            }
        }
        // `not_nfc` never reaches the wire for a push: the server normalises text (a vector shows it).
        let sent = Set(ContractCode.allCases.filter { $0 != .notNFC }.map(\.name))
        #expect(sent.subtracting(codes).isEmpty, "codes without a vector: \(sent.subtracting(codes).sorted())")
        let files = try FileManager.default.contentsOfDirectory(atPath: RejectionVector.directory.path)
            .filter { $0.hasSuffix(".json") }
        #expect(Set(files) == Set(RejectionVector.all.map { $0.name + ".json" }))
    }

    private static func outcome(of answer: JSONValue) -> RejectionVector.Outcome? {
        guard let members = answer.objectValue else { return nil }
        switch members["type"]?.stringValue {
        case "push_ack":
            return .results(
                (members["results"]?.arrayValue ?? []).map { result in
                    let status = result.objectValue?["status"]?.stringValue ?? "?"
                    guard status == "rejected" else { return status }
                    return "rejected:" + (result.objectValue?["code"]?.stringValue ?? "?")
                })
        case "error": return .error(members["name"]?.stringValue ?? "?")
        case "changes": return .changes
        default: return nil
        }
    }

    enum VectorFailure: Error {
        case noWelcome, closed
    }
}
