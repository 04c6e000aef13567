import SyncProtocol

extension JSONValue {
    /// The strings, when this is an array of strings (an article's `paragraphs`, an issue's `title_lines`).
    public var stringArray: [String]? {
        guard let items = arrayValue else { return nil }
        var strings: [String] = []
        strings.reserveCapacity(items.count)
        for item in items {
            guard let text = item.stringValue else { return nil }
            strings.append(text)
        }
        return strings
    }
}
