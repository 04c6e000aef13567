import SyncProtocol

extension SyncRunner {
    /// Pulls until caught up without pushing (what a field office does): `bulletin pull`.
    public func pullOnce(progress: (@Sendable (SyncProgress) -> Void)? = nil) async throws -> SyncSummary {
        let started = ContinuousClock.now
        let traffic = TrafficCounter()
        var summary = try await connector.withConversation(hello: try hello(), traffic: traffic) {
            conversation, welcome in
            var summary = SyncSummary()
            try await engine.pullAll(conversation, welcome: welcome, into: &summary, progress: progress)
            summary.cursor = try store.syncCursor().seq
            return summary
        }
        try store.setServerAddress(address.description)
        summary.bytesSent = traffic.bytesSent
        summary.bytesReceived = traffic.bytesReceived
        summary.payloadBytes = traffic.payloadBytes
        summary.seconds = (ContinuousClock.now - started).seconds
        return summary
    }
}
