import Foundation
import SyncProtocol
import Testing

@testable import BulletinCore

@Suite struct ValueMergeTests {
    private let title = "Phủ sóng toàn quốc cấp phiếu lý lịch tư pháp trên VNeID"

    @Test func aChangeOnOneSideWins() {
        let changed = "“Phủ sóng” toàn quốc cấp phiếu lý lịch tư pháp trên VNeID"
        #expect(ValueMerge.merge(base: title, mine: changed, theirs: title, prefer: .theirs) == .merged(changed))
        #expect(ValueMerge.merge(base: title, mine: title, theirs: changed, prefer: .mine) == .merged(changed))
        #expect(ValueMerge.merge(base: title, mine: changed, theirs: changed, prefer: .mine) == .merged(changed))
    }

    @Test func differentChangesOnBothSidesConflictWithThePreferredSideCurrent() throws {
        let mine = "Cấp phiếu lý lịch tư pháp trên VNeID toàn quốc"
        let theirs = "Toàn quốc cấp phiếu lý lịch tư pháp qua VNeID"
        let detail = try #require(ValueMerge.merge(base: title, mine: mine, theirs: theirs, prefer: .mine).conflict)
        #expect(
            detail
                == ConflictDetail(
                    base: title, mine: mine, theirs: theirs, current: mine, currentSide: .mine,
                    regionCount: 1))
        #expect(ValueMerge.merge(base: title, mine: mine, theirs: theirs, prefer: .theirs).value == theirs)
    }

    @Test func nfdSpellingIsNoChangeAndResultsAreNFC() {
        let nfd = title.decomposedStringWithCanonicalMapping
        let changed = "Phủ sóng toàn quốc"
        #expect(ValueMerge.merge(base: title, mine: nfd, theirs: changed, prefer: .mine) == .merged(changed))
        let merged = ValueMerge.merge(base: nfd, mine: nfd, theirs: nfd, prefer: .mine).value
        #expect(merged.unicodeScalars.elementsEqual(title.unicodeScalars))
    }

    @Test func optionalCitationsAndJSONValuesMergeByTheSameRule() throws {
        let base: Citation? = Citation(outlet: "Cand.com.vn", date: "05/9", authors: ["Hoàng Phong"])
        let fixed: Citation? = Citation(outlet: "Cand.com.vn", date: "05/9", authors: ["Hoàng Phong", "Lê Hồng"])
        #expect(ValueMerge.merge(base: base, mine: nil, theirs: base, prefer: .theirs) == .merged(nil))
        #expect(ValueMerge.merge(base: base, mine: base, theirs: fixed, prefer: .mine) == .merged(fixed))
        #expect(ValueMerge.merge(base: base, mine: nil, theirs: fixed, prefer: .mine).conflict != nil)
        let json = ValueMerge.merge(
            base: JSONValue.string("Thanh Hồng"), mine: .string("Lê Hồng"),
            theirs: .string("Hoàng Phong"), prefer: .theirs)
        #expect(json.value == .string("Hoàng Phong"))
    }

    @Test func conflictDetailsRoundTripThroughJSON() throws {
        let detail = ConflictDetail(
            base: ["Một"], mine: ["Hai"], theirs: ["Ba"], current: ["Ba"],
            currentSide: .theirs, regionCount: 1)
        let data = try BulletinJSON.encoder().encode(detail)
        let text = try #require(String(data: data, encoding: .utf8))
        #expect(
            text == #"{"base":["Một"],"current":["Ba"],"current_side":"theirs","mine":["Hai"],"#
                + #""region_count":1,"theirs":["Ba"]}"#)
        #expect(try BulletinJSON.decoder().decode(ConflictDetail<[String]>.self, from: data) == detail)
    }

    @Test func publicationStateOnlyMovesForward() {
        #expect(ForwardOnlyMerge.publicationState(current: .review, incoming: .draft) == .review)
        #expect(ForwardOnlyMerge.publicationState(current: .review, incoming: .approved) == .approved)
        #expect(ForwardOnlyMerge.publicationState(current: .published, incoming: .review) == .published)
        for current in PublicationState.allCases {
            for incoming in PublicationState.allCases {
                let merged = ForwardOnlyMerge.publicationState(current: current, incoming: incoming)
                #expect(merged.rank == max(current.rank, incoming.rank))
            }
        }
    }

    @Test func resolvedOnlyMovesFromFalseToTrue() {
        #expect(ForwardOnlyMerge.resolved(current: false, incoming: true))
        #expect(ForwardOnlyMerge.resolved(current: true, incoming: false))
        #expect(ForwardOnlyMerge.resolved(current: true, incoming: true))
        #expect(!ForwardOnlyMerge.resolved(current: false, incoming: false))
    }

    @Test func laterWriterIsDecidedByClockThenClientID() {
        let early = HLCTimestamp(wallMillis: 1_725_523_200_000, counter: 1)
        let late = HLCTimestamp(wallMillis: 1_725_523_200_000, counter: 2)
        #expect(
            MergeSide.laterWriter(
                mine: WriterStamp(hlc: late, clientID: "a"),
                theirs: WriterStamp(hlc: early, clientID: "z")) == .mine)
        #expect(
            MergeSide.laterWriter(
                mine: WriterStamp(hlc: early, clientID: "z"),
                theirs: WriterStamp(hlc: late, clientID: "a")) == .theirs)
        #expect(
            MergeSide.laterWriter(
                mine: WriterStamp(hlc: late, clientID: "b"),
                theirs: WriterStamp(hlc: late, clientID: "a")) == .mine)
        #expect(
            MergeSide.laterWriter(
                mine: WriterStamp(hlc: late, clientID: "a"),
                theirs: WriterStamp(hlc: late, clientID: "b")) == .theirs)
        #expect(MergeSide.mine.other == .theirs)
    }
}
