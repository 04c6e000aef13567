import BulletinCore
import SyncProtocol

/// The work on a push's changes that needs nothing of the store — whether their text is in the stored form, the
/// contract's check of the record alone, the canonical text to log — done on a second thread while the writer applies
/// the batch (``WorkAhead``): the writer is the push's critical path, and this was a sixth of its CPU.
///
/// Only for a client's changes as they came (not a re-offer): a change carrying a text edit is rebuilt by the writer
/// first, and text not in the stored form is normalised there, so both are judged on the writer as before.
struct PushPreflight: Sendable {
    /// A change judged ahead: its text is in the stored form, and this is what the contract's check of the record
    /// alone says of it.
    struct Verdict: Sendable {
        /// The violation, or `nil` when the record keeps the contract's shape.
        var violation: ContractViolation?
        /// The change's canonical text without its seq, for the log when it is logged as it came; `nil` with a
        /// violation.
        var record: UnsequencedRecord?
    }

    /// Batches with fewer changes are judged inline: a thread hop costs more.
    static let minimumChanges = 16

    /// Batches whose changes carry less text than this on average (UTF-8 bytes of their field values) are judged
    /// inline too. The work ahead pays for the writer's time with more CPU in all — the chunks' hand-over, and the
    /// records read again on another core — which an article's ~5 KB repays (the writer is a push of creates'
    /// bound) and an annotation's ~120 characters do not: for 10,000 small changes the server spent 3–19 µs more
    /// per change with it than without (median 9), on 2 cores shared with the client (BENCHMARKS.md, "Push
    /// throughput, session 8").
    static let minimumTextBytesPerChange = 1_024

    private let work: WorkAhead<Verdict?>

    /// Starts judging `changes`; `nil` when the batch is too small to be worth it.
    static func start(_ changes: [ChangeRecord]) -> PushPreflight? {
        guard changes.count >= minimumChanges,
            changes.reduce(0, { $0 + textBytes(of: $1) }) >= minimumTextBytesPerChange * changes.count
        else { return nil }
        return PushPreflight(
            work: WorkAhead(count: changes.count, chunkSize: 64) { judged(changes[$0]) })
    }

    /// The UTF-8 bytes of the text in `change`'s field values.
    static func textBytes(of change: ChangeRecord) -> Int {
        change.fields.values.reduce(0) { $0 + textBytes(in: $1) }
    }

    private static func textBytes(in value: JSONValue) -> Int {
        switch value {
        case .string(let text): text.utf8.count
        case .array(let elements): elements.reduce(0) { $0 + textBytes(in: $1) }
        case .object(let members): members.values.reduce(0) { $0 + textBytes(in: $1) }
        case .null, .bool, .int, .double: 0
        }
    }

    /// The verdict on the change at `index` of the batch, or `nil` when it is to be judged on the writer.
    func verdict(at index: Int) -> Verdict? {
        work.value(at: index)
    }

    /// The verdict ``PushApplier`` would reach on the writer for a change it neither rebuilds nor normalises.
    private static func judged(_ change: ChangeRecord) -> Verdict? {
        guard !InboundEdits.carriesEdit(change), ChangeValidator.holdsStoredText(change) else { return nil }
        let violation = ChangeValidator(origin: .client).check(change, storedText: true)
        return Verdict(violation: violation, record: violation == nil ? CanonicalJSON.unsequenced(change) : nil)
    }
}
