import Foundation
import SyncProtocol

/// A snapshot position that travels as an opaque `resume` token: base64 of its sorted-keys JSON.
public protocol ResumeTokenConvertible: Codable {
    /// The log head when the snapshot started (never negative in a valid token).
    var headSeq: Int64 { get }
}

extension ResumeTokenConvertible {
    /// The opaque resume token.
    public var token: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // A position is a few strings and integers: encoding it cannot fail.
        return ((try? encoder.encode(self)) ?? Data()).base64EncodedString()
    }

    /// Reads a resume token made by ``token``.
    ///
    /// - Throws: ``SnapshotPositionError/invalidToken`` when the text is not such a token.
    public init(token: String) throws {
        guard token.utf8.count <= 4096, let data = Data(base64Encoded: token),
            let position = try? JSONDecoder().decode(Self.self, from: data),
            position.headSeq >= 0
        else { throw SnapshotPositionError.invalidToken }
        self = position
    }
}

/// One page of a resumable snapshot: records, and where the next page starts.
public struct ResumablePage<Position: ResumeTokenConvertible & Sendable & Hashable>: Sendable, Hashable {
    /// The records, newest issue first.
    public var records: [ChangeRecord]
    /// Their JSON bytes, as counted against the page limit.
    public var bytes: Int
    /// The log head when the snapshot started.
    public var headSeq: Int64
    /// Where the next page starts, or `nil` when this was the last page.
    public var next: Position?
}
