import BulletinCore
import Foundation

/// A submitted form: fields by name, each value NFC with `\n` line ends (browsers on macOS may send NFD).
struct FormData: Sendable {
    private var fields: [String: [String]] = [:]

    init(fields: [String: [String]]) {
        self.fields = fields
    }

    /// Parses `application/x-www-form-urlencoded` bytes.
    init(urlEncoded bytes: [UInt8]) throws {
        for pair in bytes.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            let name = try Self.decode(parts[0])
            let value = parts.count > 1 ? try Self.decode(parts[1]) : ""
            fields[name, default: []].append(TextNormalization.normalize(value))
        }
    }

    /// The first value of a field.
    subscript(_ name: String) -> String? { fields[name]?.first }

    /// Every value of a field.
    func all(_ name: String) -> [String] { fields[name] ?? [] }

    /// A field that must be present and not blank.
    func required(_ name: String) throws -> String {
        guard let value = self[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
            throw DeskFailure.badRequest("error.missing_field", ["field": name])
        }
        return value
    }

    private static func decode(_ bytes: ArraySlice<UInt8>) throws -> String {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "+") {
                output.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.endIndex, let high = hex(bytes[index + 1]), let low = hex(bytes[index + 2])
                else { throw DeskFailure.badRequest("error.malformed_form") }
                output.append(high << 4 | low)
                index += 2
            } else {
                output.append(byte)
            }
            index += 1
        }
        guard let text = String(validating: output, as: UTF8.self) else {
            throw DeskFailure.badRequest("error.malformed_form")
        }
        return text
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

/// The parts of a `multipart/form-data` body (the import upload): text fields and one file.
enum Multipart {
    struct Part {
        var name: String
        var filename: String?
        var body: [UInt8]
    }

    static func boundary(contentType: String) -> String? {
        for piece in contentType.split(separator: ";") {
            let trimmed = piece.trimmingCharacters(in: .whitespaces)
            if trimmed.lowercased().hasPrefix("boundary=") {
                return String(trimmed.dropFirst("boundary=".count)).trimmingCharacters(
                    in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }

    static func parse(_ body: [UInt8], boundary: String) throws -> [Part] {
        let delimiter = Array(("--" + boundary).utf8)
        var parts: [Part] = []
        var starts: [Int] = []
        var index = 0
        while let found = find(delimiter, in: body, from: index) {
            starts.append(found)
            index = found + delimiter.count
        }
        guard starts.count >= 2 else { throw DeskFailure.badRequest("error.malformed_form") }
        for (start, end) in zip(starts, starts.dropFirst()) {
            var partStart = start + delimiter.count
            // Skip the CRLF after the delimiter; the part ends with CRLF before the next one.
            if partStart + 1 < body.count, body[partStart] == 13, body[partStart + 1] == 10 { partStart += 2 }
            let partEnd = max(partStart, end - 2)
            guard let headerEnd = find(Array("\r\n\r\n".utf8), in: body, from: partStart), headerEnd < partEnd
            else { continue }
            let headers = String(decoding: body[partStart..<headerEnd], as: UTF8.self)
            var name: String?
            var filename: String?
            for line in headers.split(separator: "\r\n") where line.lowercased().hasPrefix("content-disposition") {
                name = value(of: "name", in: String(line))
                filename = value(of: "filename", in: String(line))
            }
            guard let name else { continue }
            parts.append(Part(name: name, filename: filename, body: Array(body[(headerEnd + 4)..<partEnd])))
        }
        return parts
    }

    private static func value(of parameter: String, in line: String) -> String? {
        for piece in line.split(separator: ";") {
            let trimmed = piece.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix(parameter + "=") {
                return String(trimmed.dropFirst(parameter.count + 1)).trimmingCharacters(
                    in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else {
            return nil
        }
        var index = start
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == needle[0], Array(haystack[index..<(index + needle.count)]) == needle {
                return index
            }
            index += 1
        }
        return nil
    }
}
