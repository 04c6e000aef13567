import Testing

@testable import SyncProtocol

@Suite struct HLCTimestampTests {
    @Test func wireFormIsFixedWidthAndSortsLikeTheTimestamp() throws {
        let early = HLCTimestamp(wallMillis: 1_725_523_200_000, counter: 3)
        let late = HLCTimestamp(wallMillis: 1_725_523_200_001, counter: 0)
        #expect(early.description == "001725523200000-00003")
        #expect(early.description < late.description)
        #expect(HLCTimestamp(early.description) == early)
    }

    @Test(arguments: ["", "1725523200000-3", "00172552320000x-00003", "001725523200000_00003"])
    func malformedWireFormsAreRejected(_ text: String) {
        #expect(HLCTimestamp(text) == nil)
    }
}
