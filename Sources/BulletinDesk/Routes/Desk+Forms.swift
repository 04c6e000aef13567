import BulletinCore
import Hummingbird

extension Desk {
    /// The most a form may send (an imported bulletin is about 100 KB).
    static let formLimit = 8 << 20

    /// Reads a POSTed form (URL-encoded or multipart), NFC-normalises every text, and checks its CSRF token
    /// before anything else is looked at.
    func form(_ request: Request) async throws -> FormData {
        var request = request
        let buffer = try await request.collectBody(upTo: Self.formLimit)
        let bytes = Array(buffer.readableBytesView)
        let contentType = request.headers[.contentType] ?? ""
        let form: FormData
        if contentType.lowercased().hasPrefix("multipart/form-data") {
            guard let boundary = Multipart.boundary(contentType: contentType) else {
                throw DeskFailure.badRequest("error.malformed_form")
            }
            var fields: [String: [String]] = [:]
            for part in try Multipart.parse(bytes, boundary: boundary) {
                guard let text = String(validating: part.body, as: UTF8.self) else {
                    throw DeskFailure.badRequest(
                        part.filename == nil ? "error.malformed_form" : "error.import_not_text")
                }
                fields[part.name, default: []].append(TextNormalization.normalize(text))
            }
            form = FormData(fields: fields)
        } else {
            form = try FormData(urlEncoded: bytes)
        }
        guard LaunchSecrets.matches(form["_csrf"], secrets.csrf) else { throw DeskFailure.badToken }
        return form
    }
}

/// Path parameters: ids are whole lowercase UUIDs (never prefixes or dates: a wrong id is a 404, not a guess).
enum PathID {
    static func get(_ context: BasicRequestContext, _ name: String = "id") throws -> String {
        guard let text = context.parameters.get(name), valid(text) else { throw DeskFailure.notFound }
        return text
    }

    static func valid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 36 else { return false }
        for (index, byte) in bytes.enumerated() {
            if [8, 13, 18, 23].contains(index) {
                guard byte == UInt8(ascii: "-") else { return false }
            } else {
                guard
                    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                        || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
                else { return false }
            }
        }
        return true
    }
}
