/// Builds messages from parsed JSON objects, with errors that name the offending member.
enum MessageJSONReading {
    /// The message an object describes.
    ///
    /// - Throws: ``ProtocolError/unsupportedMessage(_:)`` for an unknown `type`,
    ///   ``ProtocolError/invalidMessage(_:)`` for a missing or wrongly typed member.
    static func message(_ object: JSONObjectReader) throws -> Message {
        let type = try object.string("type")
        switch type {
        case "hello": return .hello(try hello(object))
        case "welcome": return .welcome(try welcome(object))
        case "push": return .push(try push(object))
        case "push_ack": return .pushAck(try pushAck(object))
        case "pull": return .pull(try pull(object))
        case "changes": return .changes(try changes(object))
        case "subscribe": return .subscribe(Subscribe(since: try object.int64("since")))
        case "notify": return .notify(Notify(headSeq: try object.int64("head_seq")))
        case "ping": return .ping(Ping(nonce: try object.int64("nonce")))
        case "pong": return .pong(Ping(nonce: try object.int64("nonce")))
        case "error": return .error(try error(object))
        case "bye": return .bye(Bye(reason: try object.optionalString("reason")))
        default: throw ProtocolError.unsupportedMessage(String(type.prefix(64)))
        }
    }

    static func hello(_ object: JSONObjectReader) throws -> Hello {
        let credentials = try object.optionalObject("credentials").map {
            Credentials(user: try $0.optionalString("user"), token: try $0.optionalString("token"))
        }
        return Hello(
            versions: try object.map("versions") { value, path in
                guard let version = Int(exactly: try JSONObjectReader.int64(value, path: path)) else {
                    throw JSONObjectReader.wrongType(path, "an integer")
                }
                return version
            },
            clientID: try object.string("client_id"), credentials: credentials,
            appVersion: try object.string("app_version"), schemaVersion: try object.int("schema_version"))
    }

    static func welcome(_ object: JSONObjectReader) throws -> Welcome {
        let limits = try object.object("limits")
        return Welcome(
            version: try object.int("version"), serverID: try object.string("server_id"),
            headSeq: try object.int64("head_seq"),
            limits: WireLimits(
                maxFrameBytes: try limits.int("max_frame_bytes"),
                maxDecompressedBytes: try limits.int("max_decompressed_bytes"),
                maxBatchChanges: try limits.int("max_batch_changes")),
            capabilities: try object.map("capabilities") { try JSONObjectReader.string($0, path: $1) })
    }

    static func push(_ object: JSONObjectReader) throws -> Push {
        Push(batchID: try object.string("batch_id"), changes: try object.map("changes", changeRecord))
    }

    static func changeRecord(_ value: JSONValue, path: String) throws -> ChangeRecord {
        let record = try JSONObjectReader(value, path: path)
        let hlcText = try record.string("hlc")
        guard let hlc = HLCTimestamp(hlcText) else {
            throw ProtocolError.invalidMessage(
                "field '\(record.path(of: "hlc"))' must look like 001725523200000-00003, got '\(hlcText.prefix(40))'")
        }
        return ChangeRecord(
            changeID: try record.string("change_id"), entity: try record.enumeration("entity", as: EntityKind.self),
            entityID: try record.string("entity_id"), op: try record.enumeration("op", as: ChangeOperation.self),
            fields: try record.values("fields"), base: try record.stringValues("base"), hlc: hlc,
            author: try record.string("author"), clientID: try record.string("client_id"),
            seq: try record.optionalInt64("seq"), seen: try record.optionalInt64("seen"))
    }

    static func pushAck(_ object: JSONObjectReader) throws -> PushAck {
        let results = try object.map("results") { value, path in
            let result = try JSONObjectReader(value, path: path)
            return ChangeResult(
                changeID: try result.string("change_id"),
                status: try result.enumeration("status", as: ChangeStatus.self),
                seq: try result.optionalInt64("seq"), reason: try result.optionalString("reason"),
                code: try result.optionalString("code"), conflictID: try result.optionalString("conflict_id"))
        }
        return PushAck(batchID: try object.string("batch_id"), results: results, headSeq: try object.int64("head_seq"))
    }

    static func pull(_ object: JSONObjectReader) throws -> Pull {
        let filter = try object.optionalObject("filter").map { filter in
            PullFilter(
                entities: try filter.optionalMap("entities") { value, path in
                    let name = try JSONObjectReader.string(value, path: path)
                    guard let kind = EntityKind(rawValue: name) else {
                        throw ProtocolError.invalidMessage("field '\(path)' has an unknown value '\(name.prefix(40))'")
                    }
                    return kind
                },
                issues: try filter.optionalMap("issues") { try JSONObjectReader.string($0, path: $1) })
        }
        return Pull(
            since: try object.int64("since"), maxChanges: try object.int("max_changes"),
            maxBytes: try object.int("max_bytes"), filter: filter, snapshot: try object.optionalBool("snapshot"),
            resume: try object.optionalString("resume"), edits: try object.optionalBool("edits"))
    }

    static func changes(_ object: JSONObjectReader) throws -> Changes {
        Changes(
            fromSeq: try object.int64("from_seq"), toSeq: try object.int64("to_seq"), more: try object.bool("more"),
            changes: try object.map("changes", changeRecord), resume: try object.optionalString("resume"),
            headSeq: try object.optionalInt64("head_seq"))
    }

    static func error(_ object: JSONObjectReader) throws -> ErrorMessage {
        ErrorMessage(
            code: try object.int("code"), name: try object.string("name"), message: try object.string("message"),
            retryable: try object.bool("retryable"))
    }
}
