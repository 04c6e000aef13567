import Foundation
import SyncProtocol
import Testing

@testable import BulletinCore

@Suite struct TextEditTests {
    private let hue = "Tại tỉnh Thừa Thiên Huế, đã tiếp nhận 6.3322 hồ sơ."

    private func compactJSON(_ value: JSONValue) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try #require(String(data: try encoder.encode(value), encoding: .utf8))
    }

    // MARK: fingerprint

    @Test func fingerprintIsFNV1a64OfParagraphsEachFollowedByFF() {
        // Published FNV-1a 64 test vectors: "" → cbf29ce484222325, "a" → af63dc4c8601ec8c.
        #expect(TextFingerprint.of([]) == "cbf29ce484222325")
        // "a" then 0xFF: one more FNV-1a round from the published state after "a".
        let afterA: UInt64 = 0xaf63_dc4c_8601_ec8c
        let expected = String((afterA ^ 0xFF) &* 0x0000_0100_0000_01b3, radix: 16)
        #expect(TextFingerprint.of(["a"]) == String(repeating: "0", count: 16 - expected.count) + expected)
        #expect(TextFingerprint.of(["a\n", "b"]) != TextFingerprint.of(["a", "\nb"]))
        #expect(TextFingerprint.of([""]) != TextFingerprint.of([]))
        #expect(TextFingerprint.of(["Huế"]).count == 16)
    }

    // MARK: wire shape, by hand

    @Test func aFigureFixEncodesAsKeepAndDeleteInsideTheParagraph() throws {
        let base = [hue]
        let edit = TextEdit.make(base: base, target: [hue.replacingOccurrences(of: "6.3322", with: "6.332")])
        // "Tại tỉnh Thừa Thiên Huế, đã tiếp nhận " is 38 scalars, then "6.332" is kept and "2" deleted.
        #expect(edit.operations == [.edit([.keep(43), .delete(1)])])
        #expect(edit.baseCount == 1)
        #expect(edit.baseHash == TextFingerprint.of(base))
        #expect(try compactJSON(edit.jsonValue) == #"{"h":"\#(edit.baseHash)","n":1,"ops":[[43,-1]]}"#)
    }

    /// The example of the protocol specification; its fingerprint and result were computed by an independent
    /// implementation of the spec (a few lines of Python), so this pins the wire format across implementations.
    @Test func theSpecificationExampleIsProducedAndApplied() throws {
        let base = [hue, "Kết quả tốt."]
        let target = [hue.replacingOccurrences(of: "6.3322", with: "6.332"), "Đoạn mới.", "Kết quả tốt."]
        let wire = #"{"h":"81c8e91fdb0a6445","n":2,"ops":[[43,-1],"Đoạn mới."]}"#
        #expect(try compactJSON(TextEdit.make(base: base, target: target).jsonValue) == wire)
        let decoded = try JSONDecoder().decode(TextEdit.self, from: Data(wire.utf8))
        #expect(try decoded.apply(to: base) == target)
        #expect(TextFingerprint.of(["a"]) == "089bc907b544c769")
    }

    @Test func paragraphInsertsAndDeletesEncodeAsStringsAndNegativeCounts() {
        let base = ["Một.", "Hai.", "Ba."]
        #expect(
            TextEdit.make(base: base, target: ["Một.", "Mới.", "Hai.", "Ba."]).operations == [
                .keep(1),
                .insert("Mới."),
            ])
        #expect(TextEdit.make(base: base, target: ["Một.", "Ba."]).operations == [.keep(1), .delete(1)])
        #expect(TextEdit.make(base: base, target: base).operations.isEmpty)
        #expect(TextEdit.make(base: base, target: []).operations == [.delete(3)])
    }

    @Test func aDiacriticFixTouchesOnlyThatCluster() {
        let edit = TextEdit.make(base: ["thủ tục hành chinh được"], target: ["thủ tục hành chính được"])
        // "thủ tục hành ch" is 15 scalars; "i" becomes "í".
        #expect(edit.operations == [.edit([.keep(15), .delete(1), .insert("í")])])
    }

    @Test func handWrittenEditsApply() throws {
        let base = ["Một hai ba.", "Bốn.", "Năm."]
        let edit = TextEdit(
            baseCount: 3, baseHash: TextFingerprint.of(base),
            operations: [.edit([.keep(4), .delete(3), .insert("HAI")]), .insert("Mới."), .delete(1)])
        #expect(try edit.apply(to: base) == ["Một HAI ba.", "Mới.", "Năm."])
    }

    // MARK: errors

    @Test func applyingToAnotherBaseFailsWithBaseMismatch() {
        let base = [hue, "Đoạn hai."]
        let edit = TextEdit.make(base: base, target: [hue, "Đoạn 2."])
        #expect(throws: TextEditError.self) { try edit.apply(to: [hue, "Đoạn ba."]) }
        do {
            _ = try edit.apply(to: [hue])
            Issue.record("applying to a shorter base must fail")
        } catch {
            guard case .baseMismatch(let expectedCount, _, let actualCount, _) = error else {
                Issue.record("expected a base mismatch, got \(error)")
                return
            }
            #expect(expectedCount == 2 && actualCount == 1)
            #expect(error.description.contains("send the full value"))
        }
    }

    @Test func applyingToAnNFDSpellingOfTheBaseWorks() throws {
        let base = [hue]
        let target = [hue.replacingOccurrences(of: "6.3322", with: "6.332")]
        let edit = TextEdit.make(base: base, target: target)
        #expect(try edit.apply(to: base.map(\.decomposedStringWithCanonicalMapping)) == target)
    }

    @Test(arguments: [
        #"[1,2]"#,
        #"{"h":"0123456789abcdef","ops":[]}"#,
        #"{"h":"0123456789ABCDEF","n":1,"ops":[]}"#,
        #"{"h":"0123456789abcdef","n":1,"ops":[0]}"#,
        #"{"h":"0123456789abcdef","n":1,"ops":[1.5]}"#,
        #"{"h":"0123456789abcdef","n":1,"ops":[true]}"#,
        #"{"h":"0123456789abcdef","n":1,"ops":[[[1]]]}"#,
        #"{"h":"0123456789abcdef","n":-1,"ops":[]}"#,
    ])
    func malformedWireFormsAreRejected(json: String) {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(TextEdit.self, from: Data(json.utf8))
        }
    }

    @Test func countsThatRunPastTheBaseAreMalformed() throws {
        let base = ["Một hai."]
        let hash = TextFingerprint.of(base)
        for operations: [TextEdit.ParagraphOperation] in [
            [.keep(2)], [.delete(2)], [.keep(1), .edit([.keep(1)])], [.edit([.keep(9)])], [.edit([.delete(0)])],
            [.keep(-1)],
        ] {
            let edit = TextEdit(baseCount: 1, baseHash: hash, operations: operations)
            #expect(throws: TextEditError.self, "\(operations)") { try edit.apply(to: base) }
        }
    }

    // MARK: size

    @Test func aHundredTwentyCharacterEditOfAFiveKilobyteArticleIsAFewHundredBytes() throws {
        let base = VietnameseFixtures.article
        #expect(base.joined().utf8.count > 5_000)
        let sentence =
            " Theo Bộ Công an, từ ngày 1/10/2024 người dân trên cả nước có thể đề nghị cấp Phiếu "
            + "lý lịch tư pháp qua VNeID."
        var target = base
        target[3] += sentence
        target[1] = target[1].replacingOccurrences(of: "6.3322", with: "6.332")
        #expect(sentence.count >= 110)
        let payload = TextEdit.preferred(base: base, target: target)
        guard case .edit(let edit) = payload else {
            Issue.record("expected an edit, got the full value")
            return
        }
        #expect(payload.encodedSize <= 250, "encoded size \(payload.encodedSize)")
        #expect(ParagraphsPayload.full(target).encodedSize > 5_000)
        #expect(try edit.apply(to: base) == target)
    }

    @Test func aRewriteTravelsAsTheFullValue() {
        let base = ["Một hai ba bốn năm."]
        let target = ["Sáu bảy tám chín mười."]
        #expect(TextEdit.preferred(base: base, target: target) == .full(target))
        #expect(TextEdit.preferred(base: nil, target: target) == .full(target))
    }

    @Test func payloadsRoundTripThroughJSON() throws {
        let base = VietnameseFixtures.article
        var target = base
        target[0] = target[0].replacingOccurrences(of: "to lớn", with: "rất lớn")
        for payload in [ParagraphsPayload.full(target), TextEdit.preferred(base: base, target: target)] {
            let data = try JSONEncoder().encode(payload)
            let decoded = try JSONDecoder().decode(ParagraphsPayload.self, from: data)
            #expect(decoded == payload)
            #expect(try decoded.resolved(against: base) == target)
            #expect(try ParagraphsPayload(jsonValue: payload.jsonValue) == payload)
        }
        #expect(throws: TextEditError.self) {
            try TextEdit.preferred(base: base, target: target).resolved(against: nil)
        }
    }

    // MARK: properties

    @Test func randomVietnameseEditsRoundTripAndFailCleanlyOnAnotherBase() throws {
        for seed in randomSeeds {
            var generator = SeededRandom(seed: seed)
            let baseWords = RandomVietnamese.article(using: &generator)
            let base = RandomVietnamese.mixedForms(RandomVietnamese.text(baseWords), using: &generator)
            let target = RandomVietnamese.mixedForms(
                RandomVietnamese.text(RandomVietnamese.mutate(baseWords, using: &generator)), using: &generator)
            let normalizedTarget = target.map(TextNormalization.normalize)
            let edit = TextEdit.make(base: base, target: target)
            #expect(try edit.apply(to: base) == normalizedTarget, "seed \(seed)")

            let data = try JSONEncoder().encode(edit)
            let decoded = try JSONDecoder().decode(TextEdit.self, from: data)
            #expect(decoded == edit, "seed \(seed)")
            #expect(try decoded.apply(to: base) == normalizedTarget, "seed \(seed)")
            let payload = ParagraphsPayload.preferred(base: base, target: target)
            #expect(try payload.resolved(against: base) == normalizedTarget, "seed \(seed)")
            #expect(payload.encodedSize <= ParagraphsPayload.full(target).encodedSize, "seed \(seed)")

            #expect(editCutsOnlyAtClusterBoundaries(edit, base: base), "seed \(seed)")

            let otherBase = RandomVietnamese.text(RandomVietnamese.mutate(baseWords, using: &generator))
            if otherBase.map(TextNormalization.normalize) != base.map(TextNormalization.normalize) {
                #expect(
                    "seed \(seed)", performing: { try edit.apply(to: otherBase) },
                    throws: { error in
                        if case TextEditError.baseMismatch = error { return true }
                        return false
                    })
            }
        }
    }

    /// Whether every keep/delete boundary inside edited paragraphs falls between grapheme clusters.
    private func editCutsOnlyAtClusterBoundaries(_ edit: TextEdit, base: [String]) -> Bool {
        let base = base.map(TextNormalization.normalize)
        var index = 0
        for operation in edit.operations {
            switch operation {
            case .keep(let count), .delete(let count):
                index += count
            case .insert:
                break
            case .edit(let spans):
                var boundaries: Set<Int> = [0]
                var offset = 0
                for character in base[index] {
                    offset += character.unicodeScalars.count
                    boundaries.insert(offset)
                }
                var position = 0
                for span in spans {
                    if case .keep(let count) = span { position += count }
                    if case .delete(let count) = span { position += count }
                    if !boundaries.contains(position) { return false }
                }
                index += 1
            }
        }
        return true
    }
}

/// An edit between equal texts (what the server makes for the author's echo of every logged article).
@Suite struct TextEditOfEqualTextsTests {
    @Test func equalTextsGiveAnEditWithoutOperationsThatChangesNothing() throws {
        let paragraphs = ["Cải cách hành chính.", "Đoạn thứ hai, có dấu “ngoặc”."]
        let edit = TextEdit.make(base: paragraphs, target: paragraphs)
        #expect(edit.operations.isEmpty)
        #expect(edit.baseCount == 2)
        #expect(edit.baseHash == TextFingerprint.of(paragraphs))
        #expect(try edit.apply(to: paragraphs) == paragraphs)
    }

    @Test func textsEqualOnlyOnceNormalisedAlsoGiveAnEmptyEdit() throws {
        let nfd = ["Ca\u{0309}i ca\u{0301}ch"]
        let edit = TextEdit.make(base: nfd, target: nfd.map(TextNormalization.normalize))
        #expect(edit.operations.isEmpty)
    }
}
