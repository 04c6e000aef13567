/// Which end of a connection a pipeline serves; it decides who sends the preamble first and who reports
/// framing errors to the peer.
public enum ProtocolRole: Sendable {
    /// Sends `BSYN` as soon as the connection is active, then expects `BSYN` from the server.
    case client
    /// Expects `BSYN` from the client, answers with `BSYN`, and sends an `error` frame before closing on a fatal
    /// framing error.
    case server
}
