/// Reads a message straight from JSON text into the message types, without building a ``JSONValue`` tree for
/// anything but change-record `fields`.
///
/// Every member is read into a typed slot as it comes (canonical JSON puts `type` last, so the slots cannot wait
/// for it); once the whole text has been read, and so checked, `type` picks the slots that matter. Errors follow
/// PROTOCOL.md's order: UTF-8, JSON syntax, `type`, then members.
enum MessageJSONDecoding {
    /// Decodes one payload.
    ///
    /// - Throws: ``ProtocolError/invalidUTF8`` and ``ProtocolError/invalidJSON(_:)`` (fatal),
    ///   ``ProtocolError/unsupportedMessage(_:)`` and ``ProtocolError/invalidMessage(_:)`` (not fatal).
    /// - Parameter limit: The receiver's `max_decompressed_bytes`, which sets the memory allowance's constant part.
    static func message(
        from bytes: UnsafeRawBufferPointer, limit: Int = FrameLimits.standard.maxDecompressedBytes
    ) throws -> Message {
        try message(from: bytes, allowance: .forPayload(of: bytes.count, limit: limit)).message
    }

    /// Decodes one payload within `allowance`; also returns how much of it was charged.
    static func message(
        from bytes: UnsafeRawBufferPointer, allowance: DecodingAllowance
    ) throws -> (message: Message, charged: Int) {
        var parser = try JSONParser(validating: bytes, allowance: allowance)
        guard try parser.peek() == 0x7B else {  // {
            try parser.skipValue()
            try parser.finishSyntax()
            throw ProtocolError.invalidJSON("the payload must be one JSON object")
        }
        var members = MessageMembers()
        try parser.readObject { parser, name in
            try members.read(name, from: &parser)
        }
        try parser.finish()
        return (try members.assembled(), allowance.remaining - parser.allowance.remaining)
    }

    /// Decodes one change record from its JSON text (a stored log row or outbox row).
    ///
    /// - Throws: ``ProtocolError`` when the text is not one valid change record.
    static func changeRecord(from bytes: UnsafeRawBufferPointer) throws -> ChangeRecord {
        var parser = try JSONParser(validating: bytes)
        guard try parser.peek() == 0x7B else {  // {
            throw ProtocolError.invalidJSON("a change record must be one JSON object")
        }
        let record = try ChangeRecordMembers.record(&parser)
        try parser.finish()
        do throws(FieldProblem) {
            return try record.required()
        } catch {
            throw error.error(member: "record")
        }
    }
}

/// The members any v1 message can have, each read as soon as it appears. A name means the same in every message,
/// so one set of slots serves all types.
private struct MessageMembers {
    var type: JSONField<String> = .absent
    var versions: JSONField<[Int]> = .absent
    var clientID: JSONField<String> = .absent
    var credentials: JSONField<Credentials> = .absent
    var appVersion: JSONField<String> = .absent
    var schemaVersion: JSONField<Int> = .absent
    var version: JSONField<Int> = .absent
    var serverID: JSONField<String> = .absent
    var headSeq: JSONField<Int64> = .absent
    var limits: JSONField<WireLimits> = .absent
    var capabilities: JSONField<[String]> = .absent
    var account: JSONField<WelcomeAccount> = .absent
    var logEpochs: JSONField<[LogEpoch]> = .absent
    var reoffer: JSONField<Bool> = .absent
    var batchID: JSONField<String> = .absent
    var changes: JSONField<[ChangeRecord]> = .absent
    var results: JSONField<[ChangeResult]> = .absent
    var since: JSONField<Int64> = .absent
    var maxChanges: JSONField<Int> = .absent
    var maxBytes: JSONField<Int> = .absent
    var filter: JSONField<PullFilter> = .absent
    var snapshot: JSONField<Bool> = .absent
    var resume: JSONField<String> = .absent
    var edits: JSONField<Bool> = .absent
    var fromSeq: JSONField<Int64> = .absent
    var toSeq: JSONField<Int64> = .absent
    var more: JSONField<Bool> = .absent
    var nonce: JSONField<Int64> = .absent
    var code: JSONField<Int> = .absent
    var name: JSONField<String> = .absent
    var message: JSONField<String> = .absent
    var retryable: JSONField<Bool> = .absent
    var reason: JSONField<String> = .absent

    mutating func read(_ member: MemberName, from parser: inout JSONParser) throws {
        switch member {
        case "type": type = try parser.tokenField()
        case "versions": versions = try parser.arrayField { try $0.intField() }
        case "client_id": clientID = try parser.stringField()
        case "credentials": credentials = try parser.objectField(Self.credentials)
        case "app_version": appVersion = try parser.stringField()
        case "schema_version": schemaVersion = try parser.intField()
        case "version": version = try parser.intField()
        case "server_id": serverID = try parser.stringField()
        case "head_seq": headSeq = try parser.int64Field()
        case "limits": limits = try parser.objectField(Self.limits)
        case "capabilities": capabilities = try parser.arrayField { try $0.stringField() }
        case "account": account = try parser.objectField(WelcomeAccount.read)
        case "log_epochs": logEpochs = try parser.arrayField { try $0.objectField(LogEpoch.read) }
        case "reoffer": reoffer = try parser.boolField()
        case "batch_id": batchID = try parser.stringField()
        case "changes": changes = try parser.arrayField { try $0.objectField(ChangeRecordMembers.record) }
        case "results": results = try parser.arrayField { try $0.objectField(Self.result) }
        case "since": since = try parser.int64Field()
        case "max_changes": maxChanges = try parser.intField()
        case "max_bytes": maxBytes = try parser.intField()
        case "filter": filter = try parser.objectField(Self.filter)
        case "snapshot": snapshot = try parser.boolField()
        case "resume": resume = try parser.stringField()
        case "edits": edits = try parser.boolField()
        case "from_seq": fromSeq = try parser.int64Field()
        case "to_seq": toSeq = try parser.int64Field()
        case "more": more = try parser.boolField()
        case "nonce": nonce = try parser.int64Field()
        case "code": code = try parser.intField()
        case "name": name = try parser.stringField()
        case "message": message = try parser.stringField()
        case "retryable": retryable = try parser.boolField()
        case "reason": reason = try parser.stringField()
        default: try parser.skipValue()  // unknown members are checked, not built
        }
    }

    /// The message named by `type`, built from the members it uses.
    func assembled() throws -> Message {
        let type: String
        do throws(FieldProblem) {
            type = try self.type.required()
        } catch {
            throw error.error(member: "type")
        }
        do {
            switch type {
            case "hello":
                return .hello(
                    Hello(
                        versions: try versions.required(".versions"), clientID: try clientID.required(".client_id"),
                        credentials: try credentials.optional(".credentials"),
                        appVersion: try appVersion.required(".app_version"),
                        schemaVersion: try schemaVersion.required(".schema_version")))
            case "welcome":
                return .welcome(
                    Welcome(
                        version: try version.required(".version"), serverID: try serverID.required(".server_id"),
                        headSeq: try headSeq.required(".head_seq"), limits: try limits.required(".limits"),
                        capabilities: try capabilities.required(".capabilities"),
                        account: try account.optional(".account"), logEpochs: try logEpochs.optional(".log_epochs")))
            case "push":
                return .push(
                    Push(
                        batchID: try batchID.required(".batch_id"), changes: try changes.required(".changes"),
                        reoffer: try reoffer.optional(".reoffer")))
            case "push_ack":
                return .pushAck(
                    PushAck(
                        batchID: try batchID.required(".batch_id"), results: try results.required(".results"),
                        headSeq: try headSeq.required(".head_seq")))
            case "pull":
                return .pull(
                    Pull(
                        since: try since.required(".since"), maxChanges: try maxChanges.required(".max_changes"),
                        maxBytes: try maxBytes.required(".max_bytes"), filter: try filter.optional(".filter"),
                        snapshot: try snapshot.optional(".snapshot"), resume: try resume.optional(".resume"),
                        edits: try edits.optional(".edits")))
            case "changes":
                return .changes(
                    Changes(
                        fromSeq: try fromSeq.required(".from_seq"), toSeq: try toSeq.required(".to_seq"),
                        more: try more.required(".more"), changes: try changes.required(".changes"),
                        resume: try resume.optional(".resume"), headSeq: try headSeq.optional(".head_seq")))
            case "subscribe": return .subscribe(Subscribe(since: try since.required(".since")))
            case "notify": return .notify(Notify(headSeq: try headSeq.required(".head_seq")))
            case "ping": return .ping(Ping(nonce: try nonce.required(".nonce")))
            case "pong": return .pong(Ping(nonce: try nonce.required(".nonce")))
            case "error":
                return .error(
                    ErrorMessage(
                        code: try code.required(".code"), name: try name.required(".name"),
                        message: try message.required(".message"), retryable: try retryable.required(".retryable")))
            case "bye": return .bye(Bye(reason: try reason.optional(".reason")))
            default: throw ProtocolError.unsupportedMessage(String(type.prefix(64)))
            }
        } catch let problem as FieldProblem {
            // Paths start with the member's own name, e.g. ".changes[3].hlc".
            throw ProtocolError.invalidMessage("field '\(problem.path.dropFirst())' \(problem.reason)")
        }
    }

    static func credentials(_ parser: inout JSONParser) throws -> JSONField<Credentials> {
        var user: JSONField<String> = .absent
        var token: JSONField<String> = .absent
        try parser.readObject { parser, member in
            switch member {
            case "user": user = try parser.stringField()
            case "token": token = try parser.stringField()
            default: try parser.skipValue()
            }
        }
        return .assemble { () throws(FieldProblem) in
            Credentials(user: try user.optional(".user"), token: try token.optional(".token"))
        }
    }

    static func limits(_ parser: inout JSONParser) throws -> JSONField<WireLimits> {
        var frame: JSONField<Int> = .absent
        var decompressed: JSONField<Int> = .absent
        var batch: JSONField<Int> = .absent
        try parser.readObject { parser, member in
            switch member {
            case "max_frame_bytes": frame = try parser.intField()
            case "max_decompressed_bytes": decompressed = try parser.intField()
            case "max_batch_changes": batch = try parser.intField()
            default: try parser.skipValue()
            }
        }
        return .assemble { () throws(FieldProblem) in
            WireLimits(
                maxFrameBytes: try frame.required(".max_frame_bytes"),
                maxDecompressedBytes: try decompressed.required(".max_decompressed_bytes"),
                maxBatchChanges: try batch.required(".max_batch_changes"))
        }
    }

    static func result(_ parser: inout JSONParser) throws -> JSONField<ChangeResult> {
        var changeID: JSONField<String> = .absent
        var status: JSONField<ChangeStatus> = .absent
        var seq: JSONField<Int64> = .absent
        var reason: JSONField<String> = .absent
        var code: JSONField<String> = .absent
        var conflictID: JSONField<String> = .absent
        try parser.readObject { parser, member in
            switch member {
            case "change_id": changeID = try parser.stringField()
            case "status": status = try parser.enumerationField(ChangeStatus.self)
            case "seq": seq = try parser.int64Field()
            case "reason": reason = try parser.stringField()
            case "code": code = try parser.stringField()
            case "conflict_id": conflictID = try parser.stringField()
            default: try parser.skipValue()
            }
        }
        return .assemble { () throws(FieldProblem) in
            ChangeResult(
                changeID: try changeID.required(".change_id"), status: try status.required(".status"),
                seq: try seq.optional(".seq"), reason: try reason.optional(".reason"),
                code: try code.optional(".code"), conflictID: try conflictID.optional(".conflict_id"))
        }
    }

    static func filter(_ parser: inout JSONParser) throws -> JSONField<PullFilter> {
        var entities: JSONField<[EntityKind]> = .absent
        var issues: JSONField<[String]> = .absent
        try parser.readObject { parser, member in
            switch member {
            case "entities": entities = try parser.arrayField { try $0.enumerationField(EntityKind.self) }
            case "issues": issues = try parser.arrayField { try $0.stringField() }
            default: try parser.skipValue()
            }
        }
        return .assemble { () throws(FieldProblem) in
            PullFilter(entities: try entities.optional(".entities"), issues: try issues.optional(".issues"))
        }
    }
}

/// The members of one change record.
private struct ChangeRecordMembers {
    var changeID: JSONField<String> = .absent
    var entity: JSONField<EntityKind> = .absent
    var entityID: JSONField<String> = .absent
    var op: JSONField<ChangeOperation> = .absent
    var fields: JSONField<[String: JSONValue]> = .absent
    var base: JSONField<[String: String]> = .absent
    var hlc: JSONField<HLCTimestamp> = .absent
    var author: JSONField<String> = .absent
    var clientID: JSONField<String> = .absent
    var seq: JSONField<Int64> = .absent
    var seen: JSONField<Int64> = .absent

    static func record(_ parser: inout JSONParser) throws -> JSONField<ChangeRecord> {
        var members = ChangeRecordMembers()
        try parser.readObject { parser, member in
            switch member {
            case "change_id": members.changeID = try parser.stringField()
            case "entity": members.entity = try parser.enumerationField(EntityKind.self)
            case "entity_id": members.entityID = try parser.stringField()
            case "op": members.op = try parser.enumerationField(ChangeOperation.self)
            case "fields": members.fields = try parser.valuesField()
            case "base": members.base = try parser.stringsField()
            case "hlc": members.hlc = try parser.hlcField()
            case "author": members.author = try parser.stringField()
            case "client_id": members.clientID = try parser.stringField()
            case "seq": members.seq = try parser.int64Field()
            case "seen": members.seen = try parser.int64Field()
            default: try parser.skipValue()
            }
        }
        return .assemble { () throws(FieldProblem) in
            ChangeRecord(
                changeID: try members.changeID.required(".change_id"), entity: try members.entity.required(".entity"),
                entityID: try members.entityID.required(".entity_id"), op: try members.op.required(".op"),
                fields: try members.fields.optional(".fields") ?? [:], base: try members.base.optional(".base") ?? [:],
                hlc: try members.hlc.required(".hlc"), author: try members.author.required(".author"),
                clientID: try members.clientID.required(".client_id"), seq: try members.seq.optional(".seq"),
                seen: try members.seen.optional(".seen"))
        }
    }
}
