// libFuzzer harness: the JSON and message decoders on arbitrary payload bytes.
//
// Properties: a decoded message's canonical JSON decodes again and re-encodes to the same bytes; any JSON value's
// canonical form is stable (write, read back, write again: same bytes; -0.0 included); every error makes an
// `error` reply that decodes; stored-JSON parsing and wire decoding agree on what is valid JSON.
@testable import FuzzedProtocol

/// The canonical bytes of a value.
func canonical(_ value: JSONValue) -> [UInt8] {
    var writer = CanonicalJSONWriter()
    writer.value(value)
    return writer.bytes
}

func checkReply(_ error: ProtocolError) {
    let frame = FrameCodec().frame(for: .error(error.errorMessage))
    let message = try? FrameCodec.decodeJSON(Array(frame.dropFirst(5)))
    precondition(frame[4] != 0 || message == .error(error.errorMessage), "error reply round trip")
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let input = UnsafeRawBufferPointer(start: start, count: count)
    var wireError: ProtocolError?
    do {
        let message = try MessageJSONDecoding.message(from: input)
        let json = FrameCodec.json(message)
        do {
            let again = try FrameCodec.decodeJSON(json)
            precondition(FrameCodec.json(again) == json, "canonical message JSON is not stable")
        } catch {
            preconditionFailure("the canonical JSON of a decoded message does not decode: \(error)")
        }
    } catch let error as ProtocolError {
        wireError = error
        checkReply(error)
    } catch {
        preconditionFailure("a non-protocol error: \(error)")
    }
    do {
        let value = try JSONParser.parse(input)
        let first = canonical(value)
        let reread = try first.withUnsafeBytes { try JSONParser.parse($0) }
        precondition(canonical(reread) == first, "canonical JSON is not stable")
        // Whatever parses as stored JSON is no syntax error on the wire either.
        if let wireError, isObject(value) {
            precondition(wireError.code != .invalidUTF8 && wireError.code != .invalidJSON,
                         "stored JSON parsed what the wire called \(wireError)")
        }
    } catch let error as ProtocolError {
        checkReply(error)
    } catch {
        preconditionFailure("a non-protocol error: \(error)")
    }
    return 0
}

func isObject(_ value: JSONValue) -> Bool {
    if case .object = value { return true }
    return false
}
