import Foundation
import NIOCore

/// One frame as read off the wire, before its payload is inflated and parsed.
public struct RawFrame: Sendable, Hashable {
    /// The flags byte (bit 0: zlib).
    public var flags: UInt8
    /// The payload bytes as sent.
    public var payload: ByteBuffer

    /// Creates a frame.
    public init(flags: UInt8, payload: ByteBuffer) {
        self.flags = flags
        self.payload = payload
    }

    /// Flag bit 0: the payload is a zlib (RFC 1950) stream.
    public static let compressedFlag: UInt8 = 0x01
}

/// Which way a payload travels, for ``FrameCodec/payloadObserver``.
public enum PayloadDirection: Sendable, Hashable {
    /// Encoded by this side.
    case outbound
    /// Decoded by this side.
    case inbound
}

/// Pure functions that turn messages into frame bytes and frame bytes back into messages.
public struct FrameCodec: Sendable {
    /// The 4 bytes each side sends first.
    public static let preamble: [UInt8] = Array("BSYN".utf8)

    /// Limits applied when decoding.
    public var limits: FrameLimits
    /// Payloads of at least this many bytes are compressed (when that makes them smaller).
    public var compressionThreshold: Int
    /// zlib level used when compressing.
    public var compressionLevel: Int32
    /// Told the uncompressed JSON size of every payload this codec encodes or decodes (e.g. to report a
    /// connection's compression ratio); `nil` for no reports.
    public var payloadObserver: (@Sendable (PayloadDirection, Int) -> Void)?

    /// Creates a codec.
    public init(
        limits: FrameLimits = .standard, compressionThreshold: Int = 1024,
        compressionLevel: Int32 = Zlib.defaultLevel
    ) {
        self.limits = limits
        self.compressionThreshold = compressionThreshold
        self.compressionLevel = compressionLevel
    }

    /// The canonical JSON bytes of a message: sorted keys, no insignificant whitespace, `/` unescaped
    /// (PROTOCOL.md section 15).
    public static func json(_ message: Message) -> [UInt8] {
        var writer = CanonicalJSONWriter()
        writer.message(message)
        return writer.bytes
    }

    /// The flags and payload for a message: compressed when at least `compressionThreshold` bytes and smaller.
    public func payload(for message: Message) -> (flags: UInt8, bytes: [UInt8]) {
        let json = Self.json(message)
        payloadObserver?(.outbound, json.count)
        return payload(json: json)
    }

    /// The flags and payload for a message's canonical JSON (not observed).
    func payload(json: [UInt8]) -> (flags: UInt8, bytes: [UInt8]) {
        if json.count >= compressionThreshold {
            let compressed = Zlib.compress(json, level: compressionLevel)
            if compressed.count < json.count {
                return (RawFrame.compressedFlag, compressed)
            }
        }
        return (0, json)
    }

    /// A whole frame for a message: `u32` length, flags, payload.
    public func frame(for message: Message) -> [UInt8] {
        let (flags, bytes) = payload(for: message)
        return Self.frame(flags: flags, payload: bytes)
    }

    /// Writes a whole frame for a message into `buffer`.
    public func write(_ message: Message, into buffer: inout ByteBuffer) {
        let (flags, bytes) = payload(for: message)
        buffer.writeInteger(UInt32(bytes.count + 1), endianness: .big)
        buffer.writeInteger(flags)
        buffer.writeBytes(bytes)
    }

    /// Assembles frame bytes from flags and a payload.
    public static func frame(flags: UInt8, payload: [UInt8]) -> [UInt8] {
        let length = UInt32(payload.count + 1)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(payload.count + 5)
        bytes.append(UInt8(truncatingIfNeeded: length >> 24))
        bytes.append(UInt8(truncatingIfNeeded: length >> 16))
        bytes.append(UInt8(truncatingIfNeeded: length >> 8))
        bytes.append(UInt8(truncatingIfNeeded: length))
        bytes.append(flags)
        bytes.append(contentsOf: payload)
        return bytes
    }

    /// Reads one whole frame from the front of `buffer`, or returns `nil` (consuming nothing) if more bytes are
    /// needed. The length is checked against the limit before anything is allocated for it.
    ///
    /// - Throws: ``ProtocolError/emptyFrame``, ``ProtocolError/frameTooLarge(length:limit:)``,
    ///   ``ProtocolError/reservedFlags(_:)``.
    public func readFrame(from buffer: inout ByteBuffer) throws -> RawFrame? {
        guard let length = buffer.getInteger(at: buffer.readerIndex, endianness: .big, as: UInt32.self) else {
            return nil
        }
        guard length > 0 else { throw ProtocolError.emptyFrame }
        guard UInt64(length) <= UInt64(limits.maxFrameBytes) else {
            throw ProtocolError.frameTooLarge(length: Int(length), limit: limits.maxFrameBytes)
        }
        if let flags = buffer.getInteger(at: buffer.readerIndex + 4, as: UInt8.self),
            flags & ~RawFrame.compressedFlag != 0
        {
            throw ProtocolError.reservedFlags(flags)
        }
        guard buffer.readableBytes >= 4 + Int(length),
            let flags = buffer.getInteger(at: buffer.readerIndex + 4, as: UInt8.self),
            let payload = buffer.getSlice(at: buffer.readerIndex + 5, length: Int(length) - 1)
        else { return nil }
        buffer.moveReaderIndex(forwardBy: 4 + Int(length))
        return RawFrame(flags: flags, payload: payload)
    }

    /// Inflates (if flagged), validates and parses a frame's payload into a message.
    ///
    /// - Throws: the ``ProtocolError`` naming what is wrong: inflation, UTF-8, JSON, a field, or the type.
    public func decode(_ frame: RawFrame) throws -> Message {
        guard frame.flags & ~RawFrame.compressedFlag == 0 else { throw ProtocolError.reservedFlags(frame.flags) }
        let limit = limits.maxDecompressedBytes
        let observer = payloadObserver
        return try frame.payload.withUnsafeReadableBytes { payload in
            if frame.flags & RawFrame.compressedFlag != 0 {
                return try Zlib.withInflated(payload, limit: limit) { json in
                    observer?(.inbound, json.count)
                    return try MessageJSONDecoding.message(from: json, limit: limit)
                }
            }
            guard payload.count <= limit else { throw ProtocolError.decompressedTooLarge(limit: limit) }
            observer?(.inbound, payload.count)
            return try MessageJSONDecoding.message(from: payload, limit: limit)
        }
    }

    /// Validates and parses a JSON payload into a message.
    ///
    /// - Throws: ``ProtocolError/invalidUTF8``, ``ProtocolError/invalidJSON(_:)`` (fatal), or
    ///   ``ProtocolError/invalidMessage(_:)``, ``ProtocolError/unsupportedMessage(_:)`` (the stream is still fine).
    public static func decodeJSON(_ json: [UInt8]) throws -> Message {
        try json.withUnsafeBytes { try decodeJSON($0) }
    }

    /// Validates and parses a JSON payload into a message.
    static func decodeJSON(_ json: UnsafeRawBufferPointer) throws -> Message {
        try MessageJSONDecoding.message(from: json)
    }
}
