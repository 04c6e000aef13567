import Crypto
import Foundation

/// The per-launch secrets: the key printed in the URL, the session cookie it is exchanged for, and the CSRF token
/// every form carries. All are random per launch and compared in constant time.
public struct LaunchSecrets: Sendable {
    /// The key in the printed URL (`?key=…`).
    public let urlKey: String
    /// The session cookie's value.
    let session: String
    /// The CSRF token.
    let csrf: String

    /// Fresh random secrets.
    public init() {
        self.init(urlKey: Self.random(), session: Self.random(), csrf: Self.random())
    }

    init(urlKey: String, session: String, csrf: String) {
        self.urlKey = urlKey
        self.session = session
        self.csrf = csrf
    }

    /// The session cookie's name.
    static let cookieName = "bulletin_desk"

    /// Whether `candidate` equals `secret`, in time independent of where they differ.
    static func matches(_ candidate: String?, _ secret: String) -> Bool {
        guard let candidate else { return false }
        let left = Array(candidate.utf8)
        let right = Array(secret.utf8)
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }

    private static func random() -> String {
        let key = SymmetricKey(size: .bits256)
        return key.withUnsafeBytes { bytes in
            Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
                .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        }
    }
}
