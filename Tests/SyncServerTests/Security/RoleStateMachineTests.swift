import SyncProtocol
import Testing

@testable import SyncServer

/// What the session state machine lets each role send at all (per-change rules are the store's).
@Suite struct RoleStateMachineTests {
    private let hello = Hello(versions: [1], clientID: "c", appVersion: "t", schemaVersion: 1)
    private let push = Message.push(Push(batchID: "b", changes: []))
    private let pull = Message.pull(Pull(since: 0, maxChanges: 10, maxBytes: 100))
    private let subscribe = Message.subscribe(Subscribe(since: 0))

    private func machine(as role: Role) -> SessionStateMachine {
        var machine = SessionStateMachine(supportedVersions: [1], maxBatchChanges: 10)
        _ = machine.received(.message(.hello(hello)))
        _ = machine.authenticationSucceeded(as: role)
        return machine
    }

    private func outcome(_ action: SessionStateMachine.Action) -> String {
        switch action {
        case .send(.error(let error)): error.name
        case .sendAndClose(.error(let error)): "\(error.name), closing"
        case .push: "push"
        case .pull: "pull"
        case .subscribe: "subscribe"
        default: "\(action)"
        }
    }

    @Test(arguments: [
        (Role.editor, ["push", "pull", "subscribe"]),
        (.chief, ["push", "pull", "subscribe"]),
        (.fieldOffice, ["forbidden", "pull", "subscribe"]),
        (.admin, ["forbidden", "forbidden", "forbidden"]),
    ])
    func whatEachRoleMaySend(_ role: Role, _ expected: [String]) {
        var machine = machine(as: role)
        let outcomes = [push, pull, subscribe].map { outcome(machine.received(.message($0))) }
        #expect(outcomes == expected)
        // A refusal keeps the session open.
        #expect(machine.state == .ready(version: 1))
    }

    @Test func aRateLimitedHelloIsAnsweredAndClosed() {
        var machine = SessionStateMachine(supportedVersions: [1], maxBatchChanges: 10)
        _ = machine.received(.message(.hello(hello)))
        #expect(outcome(machine.authenticationRateLimited("slow down")) == "rate_limited, closing")
        #expect(machine.state == .closed)
    }
}
