/// The JSON payloads of issue 19's attacks, at any size: shared by the protocol tests, the loopback regression
/// test, the fuzz corpus and `bulletin-bench decoding`.
///
/// Each builder returns the payload's UTF-8 bytes (not framed, not compressed), at least `size` bytes long when a
/// size is asked for (and at most a few bytes more).
public enum HostilePayloads {
    /// A letter followed by `marks` alternating combining marks (U+0301 acute, U+0316 grave below): normalising it
    /// means sorting the whole run, which is quadratic.
    public static func markRun(_ marks: Int) -> String {
        var text = "a"
        text.unicodeScalars.reserveCapacity(marks + 1)
        for index in 0..<marks {
            text.unicodeScalars.append(index % 2 == 0 ? "\u{0301}" : "\u{0316}")
        }
        return text
    }

    /// A `ping` with an unknown member whose name is a long mark run.
    public static func markRunMemberName(marks: Int) -> [UInt8] {
        Array(#"{"type":"ping","nonce":7,""#.utf8) + Array(markRun(marks).utf8) + Array(#"":0}"#.utf8)
    }

    /// A message whose `type` is a long mark run.
    public static func markRunType(marks: Int) -> [UInt8] {
        Array(#"{"nonce":7,"type":""#.utf8) + Array(markRun(marks).utf8) + Array(#""}"#.utf8)
    }

    /// A `push` whose one change has a `fields` key that is a long mark run.
    public static func markRunFieldKey(marks: Int) -> [UInt8] {
        push(fields: "\"" + markRun(marks) + "\":1")
    }

    /// A `ping` with an unknown member holding `[0,0,0,…]`.
    public static func unknownArrayOfZeros(size: Int) -> [UInt8] {
        filled(prefix: #"{"type":"ping","nonce":7,"x":[0"#, repeating: ",0", suffix: "]}", size: size)
    }

    /// A `push` whose one change has `fields` `{"x":[[0],[0],…]}`.
    public static func nestedArraysInFields(size: Int) -> [UInt8] {
        let (prefix, suffix) = pushParts
        return filled(prefix: prefix + #""x":[[0]"#, repeating: ",[0]", suffix: "]" + suffix, size: size)
    }

    /// A `push` whose one change has `fields` `{"x":[0,0,…]}`.
    public static func zerosInFields(size: Int) -> [UInt8] {
        let (prefix, suffix) = pushParts
        return filled(prefix: prefix + #""x":[0"#, repeating: ",0", suffix: "]" + suffix, size: size)
    }

    /// A `push` whose one change has `fields` `{"k0":0,"k1":0,…}`.
    public static func manyKeysInFields(size: Int) -> [UInt8] {
        let (prefix, suffix) = pushParts
        return counted(prefix: prefix, member: { "\"k\($0)\":0" }, suffix: suffix, size: size)
    }

    /// A `ping` with unknown members `"k0":0,"k1":0,…`.
    public static func manyUnknownMembers(size: Int) -> [UInt8] {
        counted(prefix: #"{"type":"ping","nonce":7,"#, member: { "\"k\($0)\":0" }, suffix: "}", size: size)
    }

    /// A `ping` with an unknown member holding one long string.
    public static func longUnknownString(size: Int) -> [UInt8] {
        filled(prefix: #"{"type":"ping","nonce":7,"x":""#, repeating: "a", suffix: "\"}", size: size)
    }

    /// A `push` whose one change has `fields` `{"x":["","",…]}` (many empty strings).
    public static func emptyStringsInFields(size: Int) -> [UInt8] {
        let (prefix, suffix) = pushParts
        return filled(prefix: prefix + #""x":["""#, repeating: #","""#, suffix: "]" + suffix, size: size)
    }

    /// A `hello` with `versions` `[1,1,1,…]` (a typed array of integers).
    public static func longVersionList(size: Int) -> [UInt8] {
        filled(
            prefix: #"{"app_version":"x","client_id":"c","schema_version":1,"type":"hello","versions":[1"#,
            repeating: ",1", suffix: "]}", size: size)
    }

    /// Every attack shape at `size` bytes, named (combining marks sized to fit).
    public static func all(size: Int) -> [(name: String, payload: [UInt8])] {
        let marks = max(1, (size - 64) / 2)
        return [
            ("mark-run member name", markRunMemberName(marks: marks)),
            ("mark-run type", markRunType(marks: marks)),
            ("mark-run fields key", markRunFieldKey(marks: marks)),
            ("unknown [0,0,…]", unknownArrayOfZeros(size: size)),
            ("fields [[0],[0],…]", nestedArraysInFields(size: size)),
            ("fields [0,0,…]", zerosInFields(size: size)),
            ("fields many keys", manyKeysInFields(size: size)),
            ("unknown many keys", manyUnknownMembers(size: size)),
            ("unknown long string", longUnknownString(size: size)),
            ("fields [\"\",…]", emptyStringsInFields(size: size)),
            ("hello versions [1,1,…]", longVersionList(size: size)),
        ]
    }

    private static let pushParts = (
        #"{"type":"push","batch_id":"b","changes":[{"author":"a","change_id":"c","client_id":"c","entity":"article","#
            + #""entity_id":"e","hlc":"001725523200000-00003","op":"update","fields":{"#,
        "}}]}"
    )

    private static func push(fields: String) -> [UInt8] {
        Array((pushParts.0 + fields + pushParts.1).utf8)
    }

    private static func filled(prefix: String, repeating unit: String, suffix: String, size: Int) -> [UInt8] {
        let fixed = prefix.utf8.count + suffix.utf8.count
        let count = max(0, (size - fixed + unit.utf8.count - 1) / unit.utf8.count)
        var bytes = Array(prefix.utf8)
        bytes.reserveCapacity(fixed + count * unit.utf8.count)
        let unitBytes = Array(unit.utf8)
        for _ in 0..<count {
            bytes += unitBytes
        }
        return bytes + Array(suffix.utf8)
    }

    private static func counted(
        prefix: String, member: (Int) -> String, suffix: String, size: Int
    ) -> [UInt8] {
        var bytes = Array(prefix.utf8)
        var index = 0
        while bytes.count + suffix.utf8.count < size {
            if index > 0 {
                bytes.append(UInt8(ascii: ","))
            }
            bytes += Array(member(index).utf8)
            index += 1
        }
        return bytes + Array(suffix.utf8)
    }
}
