// libFuzzer harness: the JSON and message decoders on arbitrary payload bytes.
//
// Properties: a decoded message's canonical JSON decodes again and re-encodes to the same bytes; any JSON value's
// canonical form is stable (write, read back, write again: same bytes; -0.0 included); every error makes an
// `error` reply that decodes; stored-JSON parsing and wire decoding agree on what is valid JSON.
import Glibc

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

/// One input: checks every property, traps on a violation (libFuzzer then keeps the input).
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
            precondition(
                wireError.code != .invalidUTF8 && wireError.code != .invalidJSON,
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

// MARK: Driver

// With two `main`s linked (SwiftPM's, which runs this top-level code, and libFuzzer's), either may win: both start
// libFuzzer on `fuzz`.
// swift-format-ignore: AlwaysUseLowerCamelCase
// The C symbol libFuzzer exports, named as it is.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafeRawPointer, Int) -> CInt
) -> CInt

var arguments = CommandLine.argc
var vector = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&arguments, &vector) { start, count in fuzz(start, count) })
