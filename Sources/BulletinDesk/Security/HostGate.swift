import NIOConcurrencyHelpers

/// The `Host` header values the desk answers to: the address it serves, nothing else (DNS rebinding: a page of
/// another site whose name resolves to 127.0.0.1 sends its own name).
public final class HostGate: Sendable {
    private let allowed = NIOLockedValueBox<Set<String>>([])

    /// Creates an empty gate (every host is refused until one is allowed).
    public init() {}

    /// Allows the host names of a served address: `127.0.0.1:PORT`, and `localhost:PORT` for a loopback address.
    public func allow(host: String, port: Int) {
        let bracketed = host.contains(":") ? "[\(host)]" : host
        var names: Set<String> = ["\(bracketed):\(port)".lowercased()]
        if host == "127.0.0.1" || host == "::1" || host == "localhost" {
            names.insert("localhost:\(port)")
            names.insert("127.0.0.1:\(port)")
        }
        allowed.withLockedValue { $0.formUnion(names) }
    }

    /// Whether a request's `Host` header is one of the served names.
    func permits(_ header: String?) -> Bool {
        guard let header else { return false }
        let name = header.lowercased()
        return allowed.withLockedValue { $0.contains(name) }
    }
}
