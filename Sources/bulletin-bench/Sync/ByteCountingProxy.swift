import NIOCore
import NIOPosix
import Synchronization

/// A TCP proxy on 127.0.0.1 that forwards every connection to a target port and counts the bytes both ways: how
/// the benchmark measures what `git clone` and `git fetch` move on the wire (git reports no byte counts of its own).
///
/// Each connection copies in both directions with async loops over `NIOAsyncChannel`, so backpressure holds and a
/// half-close on one side is passed on to the other (git's protocol relies on it).
final class ByteCountingProxy: Sendable {
    /// The port the proxy listens on.
    let port: Int
    private let counts = Mutex<(toTarget: Int, fromTarget: Int)>((0, 0))
    private let listener: NIOAsyncChannel<NIOAsyncChannel<ByteBuffer, ByteBuffer>, Never>
    private let targetPort: Int

    /// Bytes sent by clients to the target, and by the target back, since the last ``reset()``.
    var bytes: (toTarget: Int, fromTarget: Int) { counts.withLock { $0 } }

    /// All bytes both ways since the last ``reset()``.
    var total: Int { counts.withLock { $0.toTarget + $0.fromTarget } }

    /// Sets the counters to zero.
    func reset() {
        counts.withLock { $0 = (0, 0) }
    }

    private init(listener: NIOAsyncChannel<NIOAsyncChannel<ByteBuffer, ByteBuffer>, Never>, targetPort: Int) {
        self.listener = listener
        self.targetPort = targetPort
        self.port = listener.channel.localAddress?.port ?? 0
    }

    /// Binds the proxy to an ephemeral port on 127.0.0.1 in front of `127.0.0.1:targetPort`.
    static func bind(targetPort: Int) async throws -> ByteCountingProxy {
        let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.allowRemoteHalfClosure, value: true)
            .bind(host: "127.0.0.1", port: 0) { child in
                child.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(
                        wrappingChannelSynchronously: child,
                        configuration: .init(isOutboundHalfClosureEnabled: true))
                }
            }
        return ByteCountingProxy(listener: listener, targetPort: targetPort)
    }

    /// Accepts and forwards connections until ``close()``.
    func run() async {
        await withDiscardingTaskGroup { group in
            try? await listener.executeThenClose { inbound in
                for try await connection in inbound {
                    group.addTask { await self.forward(connection) }
                }
            }
        }
    }

    /// Stops accepting; ``run()`` returns once the open connections have ended.
    func close() {
        listener.channel.close(promise: nil)
    }

    private func forward(_ client: NIOAsyncChannel<ByteBuffer, ByteBuffer>) async {
        do {
            let target = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .channelOption(.allowRemoteHalfClosure, value: true)
                .connect(host: "127.0.0.1", port: targetPort) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try NIOAsyncChannel<ByteBuffer, ByteBuffer>(
                            wrappingChannelSynchronously: channel,
                            configuration: .init(isOutboundHalfClosureEnabled: true))
                    }
                }
            try await client.executeThenClose { clientIn, clientOut in
                try await target.executeThenClose { targetIn, targetOut in
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        group.addTask {
                            for try await buffer in clientIn {
                                self.counts.withLock { $0.toTarget += buffer.readableBytes }
                                try await targetOut.write(buffer)
                            }
                            targetOut.finish()
                        }
                        group.addTask {
                            for try await buffer in targetIn {
                                self.counts.withLock { $0.fromTarget += buffer.readableBytes }
                                try await clientOut.write(buffer)
                            }
                            clientOut.finish()
                        }
                        try await group.waitForAll()
                    }
                }
            }
        } catch {
            // A connection reset ends only that connection; the counts stay as far as they got.
            client.channel.close(promise: nil)
        }
    }
}
