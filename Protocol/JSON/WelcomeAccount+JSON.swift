extension WelcomeAccount {
    /// Reads `welcome.account` (kept out of `MessageJSONDecoding` so that each nested object reads in one place).
    static func read(_ parser: inout JSONParser) throws -> JSONField<WelcomeAccount> {
        var name: JSONField<String> = .absent
        var role: JSONField<AccountRole> = .absent
        try parser.readObject { parser, member in
            switch member {
            case "name": name = try parser.stringField()
            case "role": role = try parser.enumerationField(AccountRole.self)
            default: try parser.skipValue()
            }
        }
        return .assemble { () throws(FieldProblem) in
            WelcomeAccount(name: try name.required(".name"), role: try role.required(".role"))
        }
    }
}
