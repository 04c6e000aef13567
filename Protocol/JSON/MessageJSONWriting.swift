/// Writes each message as canonical JSON. Members are written in the UTF-8 order of their names, `type` included;
/// the tests check every message against `JSONEncoder` with `.sortedKeys`.
extension CanonicalJSONWriter {
    /// Writes a whole message object, `type` included.
    mutating func message(_ message: Message) {
        switch message {
        case .hello(let body): hello(body)
        case .welcome(let body): welcome(body)
        case .push(let body): push(body)
        case .pushAck(let body): pushAck(body)
        case .pull(let body): pull(body)
        case .changes(let body): changes(body)
        case .subscribe(let body): subscribe(body)
        case .notify(let body): notify(body)
        case .ping(let body): ping(body, type: "ping")
        case .pong(let body): ping(body, type: "pong")
        case .error(let body): error(body)
        case .bye(let body): bye(body)
        }
    }

    private mutating func type(_ name: String) {
        key("type")
        string(name)
    }

    private mutating func hello(_ hello: Hello) {
        objectBody { writer in
            writer.key("app_version")
            writer.string(hello.appVersion)
            writer.key("client_id")
            writer.string(hello.clientID)
            if let credentials = hello.credentials {
                writer.key("credentials")
                writer.objectBody { writer in
                    if let token = credentials.token {
                        writer.key("token")
                        writer.string(token)
                    }
                    if let user = credentials.user {
                        writer.key("user")
                        writer.string(user)
                    }
                }
            }
            writer.key("schema_version")
            writer.int(hello.schemaVersion)
            writer.type("hello")
            writer.key("versions")
            writer.arrayBody { writer in
                for version in hello.versions {
                    writer.int(version)
                }
            }
        }
    }

    private mutating func welcome(_ welcome: Welcome) {
        objectBody { writer in
            if let account = welcome.account {
                writer.key("account")
                writer.objectBody { writer in
                    writer.key("name")
                    writer.string(account.name)
                    writer.key("role")
                    writer.string(account.role.rawValue)
                }
            }
            writer.key("capabilities")
            writer.strings(welcome.capabilities)
            writer.key("head_seq")
            writer.int(welcome.headSeq)
            writer.key("limits")
            writer.objectBody { writer in
                writer.key("max_batch_changes")
                writer.int(welcome.limits.maxBatchChanges)
                writer.key("max_decompressed_bytes")
                writer.int(welcome.limits.maxDecompressedBytes)
                writer.key("max_frame_bytes")
                writer.int(welcome.limits.maxFrameBytes)
            }
            if let epochs = welcome.logEpochs {
                writer.key("log_epochs")
                writer.arrayBody { writer in
                    for epoch in epochs {
                        writer.objectBody { writer in
                            writer.key("epoch")
                            writer.string(epoch.epoch)
                            writer.key("from_seq")
                            writer.int(epoch.fromSeq)
                        }
                    }
                }
            }
            writer.key("server_id")
            writer.string(welcome.serverID)
            writer.type("welcome")
            writer.key("version")
            writer.int(welcome.version)
        }
    }

    private mutating func push(_ push: Push) {
        objectBody { writer in
            writer.key("batch_id")
            writer.string(push.batchID)
            writer.key("changes")
            if let texts = push.texts {
                writer.arrayBody { writer in
                    for record in texts { writer.verbatim(record.text) }
                }
            } else {
                writer.changeRecords(push.changes)
            }
            if let reoffer = push.reoffer {
                writer.key("reoffer")
                writer.bool(reoffer)
            }
            writer.type("push")
        }
    }

    private mutating func changeRecords(_ records: [ChangeRecord]) {
        arrayBody { writer in
            for record in records {
                writer.changeRecord(record)
            }
        }
    }

    /// Writes one change record.
    mutating func changeRecord(_ record: ChangeRecord) {
        objectBody { writer in
            writer.key("author")
            writer.string(record.author)
            writer.key("base")
            writer.object(record.base)
            writer.key("change_id")
            writer.string(record.changeID)
            writer.key("client_id")
            writer.string(record.clientID)
            writer.key("entity")
            writer.string(record.entity.rawValue)
            writer.key("entity_id")
            writer.string(record.entityID)
            writer.key("fields")
            let fieldsStart = writer.bytes.count
            writer.object(record.fields)
            writer.lastFieldsRange = fieldsStart..<writer.bytes.count
            writer.key("hlc")
            writer.string(record.hlc.description)
            writer.key("op")
            writer.string(record.op.rawValue)
            if let seen = record.seen {
                writer.key("seen")
                writer.int(seen)
            }
            if let seq = record.seq {
                writer.key("seq")
                writer.int(seq)
            }
        }
    }

    private mutating func pushAck(_ ack: PushAck) {
        objectBody { writer in
            writer.key("batch_id")
            writer.string(ack.batchID)
            writer.key("head_seq")
            writer.int(ack.headSeq)
            writer.key("results")
            writer.arrayBody { writer in
                for result in ack.results {
                    writer.changeResult(result)
                }
            }
            writer.type("push_ack")
        }
    }

    private mutating func changeResult(_ result: ChangeResult) {
        objectBody { writer in
            writer.key("change_id")
            writer.string(result.changeID)
            if let code = result.code {
                writer.key("code")
                writer.string(code)
            }
            if let conflictID = result.conflictID {
                writer.key("conflict_id")
                writer.string(conflictID)
            }
            if let reason = result.reason {
                writer.key("reason")
                writer.string(reason)
            }
            if let seq = result.seq {
                writer.key("seq")
                writer.int(seq)
            }
            writer.key("status")
            writer.string(result.status.rawValue)
        }
    }

    private mutating func pull(_ pull: Pull) {
        objectBody { writer in
            if let edits = pull.edits {
                writer.key("edits")
                writer.bool(edits)
            }
            if let filter = pull.filter {
                writer.key("filter")
                writer.objectBody { writer in
                    if let entities = filter.entities {
                        writer.key("entities")
                        writer.strings(entities.map(\.rawValue))
                    }
                    if let issues = filter.issues {
                        writer.key("issues")
                        writer.strings(issues)
                    }
                }
            }
            writer.key("max_bytes")
            writer.int(pull.maxBytes)
            writer.key("max_changes")
            writer.int(pull.maxChanges)
            if let resume = pull.resume {
                writer.key("resume")
                writer.string(resume)
            }
            writer.key("since")
            writer.int(pull.since)
            if let snapshot = pull.snapshot {
                writer.key("snapshot")
                writer.bool(snapshot)
            }
            writer.type("pull")
        }
    }

    private mutating func changes(_ page: Changes) {
        objectBody { writer in
            writer.key("changes")
            writer.changeRecords(page.changes)
            writer.key("from_seq")
            writer.int(page.fromSeq)
            if let headSeq = page.headSeq {
                writer.key("head_seq")
                writer.int(headSeq)
            }
            writer.key("more")
            writer.bool(page.more)
            if let resume = page.resume {
                writer.key("resume")
                writer.string(resume)
            }
            writer.key("to_seq")
            writer.int(page.toSeq)
            writer.type("changes")
        }
    }

    private mutating func subscribe(_ subscribe: Subscribe) {
        objectBody { writer in
            writer.key("since")
            writer.int(subscribe.since)
            writer.type("subscribe")
        }
    }

    private mutating func notify(_ notify: Notify) {
        objectBody { writer in
            writer.key("head_seq")
            writer.int(notify.headSeq)
            writer.type("notify")
        }
    }

    private mutating func ping(_ ping: Ping, type name: String) {
        objectBody { writer in
            writer.key("nonce")
            writer.int(ping.nonce)
            writer.type(name)
        }
    }

    private mutating func error(_ error: ErrorMessage) {
        objectBody { writer in
            writer.key("code")
            writer.int(error.code)
            writer.key("message")
            writer.string(error.message)
            writer.key("name")
            writer.string(error.name)
            writer.key("retryable")
            writer.bool(error.retryable)
            writer.type("error")
        }
    }

    private mutating func bye(_ bye: Bye) {
        objectBody { writer in
            if let reason = bye.reason {
                writer.key("reason")
                writer.string(reason)
            }
            writer.type("bye")
        }
    }
}
