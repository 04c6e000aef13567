import Foundation
import SyncProtocol
import Testing

/// `Protocol/contract.json` is the data contract's declaration written out, and every change record of the vectors
/// keeps it — judged both by the schema (a validator of the subset it uses) and by the Swift validator.
@Suite struct ContractSchemaTests {
    static let file = GoldenVectors.directory.deletingLastPathComponent().appendingPathComponent("contract.json")

    static func schema() throws -> SchemaSubset {
        let text = try String(contentsOf: file, encoding: .utf8)
        return SchemaSubset(root: try #require(try JSONValue(parsingJSON: text).objectValue))
    }

    /// Every change record in the message vectors (not the deliberately broken ones of `rejected/`).
    static func vectorRecords() throws -> [(file: String, record: JSONValue)] {
        let names = try FileManager.default.contentsOfDirectory(atPath: GoldenVectors.directory.path)
            .filter { $0.hasSuffix(".json") }.sorted()
        var records: [(String, JSONValue)] = []
        for name in names {
            let text = try String(contentsOf: GoldenVectors.directory.appendingPathComponent(name), encoding: .utf8)
            let message = try JSONValue(parsingJSON: text)
            for record in message.objectValue?["changes"]?.arrayValue ?? [] { records.append((name, record)) }
        }
        return records
    }

    @Test func theCommittedContractJSONIsTheDeclarationWrittenOut() throws {
        let generated = ContractSchema.text
        if ProcessInfo.processInfo.environment["BULLETIN_WRITE_CONTRACT"] == "1" {
            try generated.write(to: Self.file, atomically: true, encoding: .utf8)
        }
        let committed = try String(contentsOf: Self.file, encoding: .utf8)
        #expect(
            committed == generated,
            """
            Protocol/contract.json differs from DataContract; regenerate it on purpose with \
            BULLETIN_WRITE_CONTRACT=1 swift test --filter ContractSchemaTests
            """)
    }

    @Test func everyChangeRecordInTheVectorsKeepsTheContract() throws {
        let schema = try Self.schema()
        let records = try Self.vectorRecords()
        #expect(records.count >= 5, "push, changes and changes-snapshot carry records")
        for (file, record) in records {
            #expect(schema.problems(record) == [], "\(file)")
            let change = try ChangeRecord(parsingJSON: String(decoding: CanonicalJSON.bytes(record), as: UTF8.self))
            #expect(ChangeValidator(origin: .log).check(change) == nil, "\(file) \(change.changeID)")
        }
    }

    /// The schema is no rubber stamp: records the door refuses fail it too (the rules JSON Schema can say).
    @Test(arguments: [
        ("client_id", JSONValue.string("k")), ("entity_id", .string("ARTICLE-1")),
    ])
    func recordsWithABadIDFailBoth(member: String, value: JSONValue) throws {
        try expectRefusedByBoth { record in record[member] = value }
    }

    @Test(arguments: [
        ("paragraphs", JSONValue.string("Một đoạn.")), ("title", .null), ("colour", .string("red")),
        ("position", .string("first")), ("source", .object(["outlet": .string("VnExpress")])),
        ("contents_page", .double(2.5)), ("issue_id", .string("issue-1")),
    ])
    func recordsWithABadFieldFailBoth(field: String, value: JSONValue) throws {
        try expectRefusedByBoth { record in
            var fields = record["fields"]?.objectValue ?? [:]
            fields[field] = value
            record["fields"] = .object(fields)
        }
    }

    @Test func aCreateLackingAFieldAndABadBaseFailBoth() throws {
        try expectRefusedByBoth { record in
            var fields = record["fields"]?.objectValue ?? [:]
            fields["title"] = nil
            record["fields"] = .object(fields)
        }
        try expectRefusedByBoth { record in record["base"] = .object(["title": .string("yesterday")]) }
        try expectRefusedByBoth { record in record["base"] = .object(["colour": .string(Self.someID)]) }
    }

    static let someID = "0b3e7a52-8c1f-4d2e-b6a9-3c4d5e6f7a80"

    /// Breaks the push vector's article `create` with `edit` and checks that both the schema and the validator
    /// refuse the result (and both accept the record unbroken).
    private func expectRefusedByBoth(_ edit: (inout [String: JSONValue]) -> Void) throws {
        let schema = try Self.schema()
        let records = try Self.vectorRecords().filter { $0.file == "push.plain.json" }
        var record = try #require(records.first?.record.objectValue)
        #expect(record["op"] == .string("create"))
        let change = { (members: [String: JSONValue]) throws -> ChangeRecord in
            try ChangeRecord(parsingJSON: String(decoding: CanonicalJSON.bytes(.object(members)), as: UTF8.self))
        }
        #expect(schema.problems(.object(record)) == [])
        #expect(ChangeValidator(origin: .client).check(try change(record)) == nil)
        edit(&record)
        #expect(schema.problems(.object(record)) != [], "the schema accepts \(record)")
        #expect(ChangeValidator(origin: .client).check(try change(record)) != nil, "the validator accepts \(record)")
    }
}
