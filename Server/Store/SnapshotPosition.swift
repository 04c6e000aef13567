import Foundation

/// Where a snapshot stands between two pages; its ``token`` is the opaque `resume` string of `changes` pages.
///
/// A snapshot walks the live entities in three phases: every live issue newest first (by `date`, then id), each
/// followed by its sections, articles, annotations and conflicts; then entities whose issue is not live (orphans); then
/// entities that changed after the snapshot started, so that a replica that applies the snapshot and then pulls the
/// log from ``headSeq`` holds every field of every entity.
public struct SnapshotPosition: ResumeTokenConvertible, Sendable, Hashable {
    /// The snapshot's three phases, in order.
    public enum Phase: String, Codable, Sendable {
        /// Live issues, newest first, each with its children.
        case issues
        /// Live entities whose issue is not live.
        case orphans
        /// Live entities changed after the snapshot started.
        case changed
    }

    /// Within an issue (or the orphans phase): which kind of entity comes next.
    public enum Stage: Int, Codable, Sendable, Comparable {
        /// The issue itself.
        case issue
        /// Its sections.
        case section
        /// Its articles.
        case article
        /// Its annotations.
        case annotation
        /// The conflicts about it and its children.
        case conflict

        /// The stage an issue (or the orphans phase) ends with.
        public static let lastStage = Stage.conflict

        /// Orders stages as they are walked.
        public static func < (lhs: Stage, rhs: Stage) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// The log head when the snapshot started: the cursor a replica pulls the log from afterwards.
    public var headSeq: Int64
    /// The current phase.
    public var phase: Phase
    /// The issue being walked (issues phase), by its `date` and id; `nil` before the first issue.
    public var issueDate: String?
    /// The id of the issue being walked.
    public var issueID: String?
    /// The kind of entity that comes next.
    public var stage: Stage
    /// The id of the last entity sent in the current stage, if any.
    public var afterID: String?
    /// In the changed phase, the last entity seq sent.
    public var afterSeq: Int64?

    /// The position at the start of a snapshot taken when the log head is `headSeq`.
    public static func start(headSeq: Int64) -> SnapshotPosition {
        SnapshotPosition(headSeq: headSeq, phase: .issues, stage: .issue)
    }

    enum CodingKeys: String, CodingKey {
        case headSeq = "h"
        case phase = "p"
        case issueDate = "d"
        case issueID = "i"
        case stage = "s"
        case afterID = "a"
        case afterSeq = "q"
    }

    private init(headSeq: Int64, phase: Phase, stage: Stage) {
        self.headSeq = headSeq
        self.phase = phase
        self.stage = stage
    }
}

/// Why a resume token was refused.
public enum SnapshotPositionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The token was not made by this server.
    case invalidToken

    /// A sentence a person can act on.
    public var description: String {
        "the snapshot resume token is not valid; start the snapshot again without one"
    }
}
