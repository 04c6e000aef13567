import BulletinCore
import Foundation
import Testing

/// New ids are version 7 UUIDs: valid ids on the wire, the time first, so that later ids sort after earlier ones.
@Suite struct TimeOrderedIDTests {
    @Test func anIdIsALowercaseVersion7UUIDOfItsMillisecond() throws {
        let now = Date(timeIntervalSince1970: 1_725_523_200.1235)
        for _ in 0..<1_000 {
            let id = TimeOrderedID.make(now: now)
            #expect(id.count == 36 && id == id.lowercased() && UUID(uuidString: id) != nil)
            let hex = Array(id.replacingOccurrences(of: "-", with: ""))
            #expect(hex[12] == "7")
            #expect("89ab".contains(hex[16]))
            #expect(UInt64(String(hex[0..<12]), radix: 16) == 1_725_523_200_123)
        }
    }

    @Test func idsOfLaterMillisecondsSortAfterEarlierOnes() {
        // Half a millisecond in, so that no time falls on a boundary a double cannot hold exactly.
        let ids = (0..<2_000).map { step in
            TimeOrderedID.make(now: Date(timeIntervalSince1970: (1_725_523_200_000 + Double(step) + 0.5) / 1_000))
        }
        #expect(ids.indices.dropFirst().allSatisfy { ids[$0 - 1] < ids[$0] })
    }

    @Test func idsOfOneMillisecondDifferInTheirRandomBits() {
        let now = Date()
        let ids = Set((0..<10_000).map { _ in TimeOrderedID.make(now: now) })
        #expect(ids.count == 10_000)
    }
}
