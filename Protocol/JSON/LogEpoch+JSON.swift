extension LogEpoch {
    /// Reads one element of `welcome.log_epochs`.
    static func read(_ parser: inout JSONParser) throws -> JSONField<LogEpoch> {
        var epoch: JSONField<String> = .absent
        var fromSeq: JSONField<Int64> = .absent
        try parser.readObject { parser, member in
            switch member {
            case "epoch": epoch = try parser.stringField()
            case "from_seq": fromSeq = try parser.int64Field()
            default: try parser.skipValue()
            }
        }
        return .assemble { () throws(FieldProblem) in
            LogEpoch(epoch: try epoch.required(".epoch"), fromSeq: try fromSeq.required(".from_seq"))
        }
    }
}
