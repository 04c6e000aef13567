import SyncProtocol

extension SyncRunner {
    /// Pulls until caught up without pushing (what a field office does): `bulletin pull`.
    public func pullOnce(progress: (@Sendable (SyncProgress) -> Void)? = nil) async throws -> SyncSummary {
        try await measured { conversation, welcome in
            var summary = SyncSummary()
            try await engine.onStore { try $0.welcomed(welcome) }
            try await engine.pullAll(conversation, welcome: welcome, into: &summary, progress: progress)
            return summary
        }
    }
}
