/// Where the store file is: `--store PATH`, else `$BULLETIN_STORE`, else `$XDG_DATA_HOME/bulletin/store.sqlite`,
/// else `$HOME/.local/share/bulletin/store.sqlite`.
enum StoreLocation {
    /// The store path for an explicit `--store` value and an environment.
    static func path(explicit: String?, environment: [String: String]) throws -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let path = environment["BULLETIN_STORE"], !path.isEmpty { return path }
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            return data + "/bulletin/store.sqlite"
        }
        if let home = environment["HOME"], !home.isEmpty {
            return home + "/.local/share/bulletin/store.sqlite"
        }
        throw CommandError.noStoreLocation
    }
}
