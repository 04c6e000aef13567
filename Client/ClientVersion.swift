/// The client software's version string sent in `hello`.
public enum ClientVersion {
    /// e.g. `bulletin/0.1.0`.
    public static let appVersion = "bulletin/0.1.0"
}
