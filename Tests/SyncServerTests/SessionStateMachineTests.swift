import SyncProtocol
import Testing

@testable import SyncServer

@Suite struct SessionStateMachineTests {
    private let hello = Hello(versions: [1, 2], clientID: "c", appVersion: "t", schemaVersion: 1)

    private func readyMachine() -> SessionStateMachine {
        var machine = SessionStateMachine(supportedVersions: [1], maxBatchChanges: 2)
        _ = machine.received(.message(.hello(hello)))
        _ = machine.authenticationSucceeded()
        return machine
    }

    private func errorName(_ action: SessionStateMachine.Action) -> String? {
        switch action {
        case .send(.error(let error)), .sendAndClose(.error(let error)): error.name
        default: nil
        }
    }

    @Test func helloWithACommonVersionIsAuthenticatedThenWelcomedAtTheHighestCommonVersion() {
        var machine = SessionStateMachine(supportedVersions: [1, 3], maxBatchChanges: 10)
        let offered = Hello(versions: [3, 2, 1], clientID: "c", appVersion: "t", schemaVersion: 1)
        #expect(machine.received(.message(.hello(offered))) == .authenticate(offered))
        #expect(machine.state == .authenticating(version: 3))
        #expect(machine.authenticationSucceeded() == .welcome(version: 3))
        #expect(machine.state == .ready(version: 3))
    }

    @Test func helloWithoutACommonVersionIsAnsweredUnsupportedVersionNamingOursAndCloses() throws {
        var machine = SessionStateMachine(supportedVersions: [1], maxBatchChanges: 10)
        let action = machine.received(
            .message(
                .hello(
                    Hello(
                        versions: [2, 3], clientID: "c", appVersion: "t", schemaVersion: 1))))
        guard case .sendAndClose(.error(let error)) = action else {
            Issue.record("expected an error and close, got \(action)")
            return
        }
        #expect(error.name == "unsupported_version")
        #expect(error.code == 300)
        #expect(error.message.contains("[1]"))
        #expect(machine.state == .closed)
        #expect(machine.received(.message(.ping(Ping(nonce: 1)))) == .none)
    }

    @Test func anythingBeforeHelloIsAnUnexpectedMessageAndTheConnectionStaysOpen() {
        var machine = SessionStateMachine(supportedVersions: [1], maxBatchChanges: 10)
        let action = machine.received(.message(.push(Push(batchID: "b", changes: []))))
        #expect(errorName(action) == "unexpected_message")
        guard case .send = action else {
            Issue.record("the connection must stay open, got \(action)")
            return
        }
        #expect(machine.state == .awaitingHello)
        #expect(machine.received(.message(.hello(hello))) == .authenticate(hello))
    }

    @Test func aRefusedHelloIsAnsweredUnauthenticatedAndCloses() {
        var machine = SessionStateMachine(supportedVersions: [1], maxBatchChanges: 10)
        _ = machine.received(.message(.hello(hello)))
        let action = machine.authenticationFailed("unknown token")
        #expect(action == .sendAndClose(.error(ErrorMessage(.unauthenticated, "unknown token"))))
        #expect(machine.state == .closed)
    }

    @Test func aReadySessionServesRequests() {
        var machine = readyMachine()
        let push = Push(batchID: "b", changes: [])
        #expect(machine.received(.message(.push(push))) == .push(push))
        let pull = Pull(since: 4, maxChanges: 10, maxBytes: 1000)
        #expect(machine.received(.message(.pull(pull))) == .pull(pull))
        #expect(machine.received(.message(.subscribe(Subscribe(since: 7)))) == .subscribe(since: 7))
        #expect(machine.received(.message(.ping(Ping(nonce: 42)))) == .send(.pong(Ping(nonce: 42))))
        #expect(machine.state == .ready(version: 1))
    }

    @Test func requestsThatBreakTheRulesGetAnErrorAndTheConnectionStaysOpen() {
        var machine = readyMachine()
        let change = ChangeRecord(
            changeID: "x", entity: .issue, entityID: "i", op: .delete, hlc: .zero, author: "a", clientID: "c")
        let cases: [(Message, String)] = [
            (.push(Push(batchID: "b", changes: [change, change, change])), "batch_too_large"),
            (.push(Push(batchID: "b", changes: [change])), "invalid_message"),  // change_id "x" is no uuid
            (.pull(Pull(since: 0, maxChanges: 0, maxBytes: 10)), "invalid_message"),
            (.pull(Pull(since: -1, maxChanges: 1, maxBytes: 10)), "invalid_message"),
            (.hello(hello), "unexpected_message"),
            (.notify(Notify(headSeq: 1)), "unexpected_message"),
            (.pushAck(PushAck(batchID: "b", results: [], headSeq: 0)), "unexpected_message"),
        ]
        for (message, name) in cases {
            let action = machine.received(.message(message))
            #expect(errorName(action) == name, "\(message.type)")
            guard case .send = action else {
                Issue.record("\(message.type) must not close the connection")
                continue
            }
        }
        #expect(machine.state == .ready(version: 1))
    }

    @Test func invalidFramesAreAnsweredWithTheirCodeAndCloseOnlyWhenTheCodeSaysSo() {
        var machine = readyMachine()
        let unknown = machine.received(.invalid(.unsupportedMessage("frobnicate")))
        #expect(unknown == .send(.error(ProtocolError.unsupportedMessage("frobnicate").errorMessage)))
        let missing = machine.received(.invalid(.invalidMessage("missing field 'since'")))
        #expect(errorName(missing) == "invalid_message")
        #expect(machine.state == .ready(version: 1))
        let fatal = machine.received(.invalid(.invalidJSON("truncated")))
        #expect(fatal == .sendAndClose(.error(ProtocolError.invalidJSON("truncated").errorMessage)))
        #expect(machine.state == .closed)
    }

    @Test func byeClosesQuietlyAndAPeersErrorIsNeverAnswered() {
        var machine = readyMachine()
        #expect(machine.received(.message(.error(ErrorMessage(.unsupportedMessage, "no")))) == .none)
        #expect(machine.state == .ready(version: 1))
        #expect(machine.received(.message(.bye(Bye(reason: nil)))) == .close)
        #expect(machine.state == .closed)
    }

    @Test func shutdownSaysByeOnce() {
        var machine = readyMachine()
        guard case .sendAndClose(.bye) = machine.shutdown() else {
            Issue.record("expected bye")
            return
        }
        #expect(machine.shutdown() == .none)
    }
}
