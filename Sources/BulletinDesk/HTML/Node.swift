/// A piece of HTML built in Swift. Tag and attribute names are `StaticString`s written in this module, never
/// user data; every text and attribute value is escaped when rendered, so escaping holds by construction.
public struct Node: Sendable {
    enum Content: Sendable {
        case element(StaticString, [Attribute], [Node])
        case text(String)
        case list([Node])
    }

    let content: Content

    /// Escaped text.
    public static func text(_ text: String) -> Node { Node(content: .text(text)) }

    /// Several nodes side by side.
    public static func list(_ nodes: [Node]) -> Node { Node(content: .list(nodes)) }
}

/// An attribute: a name written in this module and a value (escaped when rendered); `nil` for a bare attribute
/// such as `required`.
public struct Attribute: Sendable {
    let name: StaticString
    let value: String?

    /// Creates an attribute.
    public init(_ name: StaticString, _ value: String?) {
        self.name = name
        self.value = value
    }

    static func id(_ value: String) -> Attribute { Attribute("id", value) }
    static func `class`(_ value: String) -> Attribute { Attribute("class", value) }
    static func href(_ value: String) -> Attribute { Attribute("href", value) }
    static func name(_ value: String) -> Attribute { Attribute("name", value) }
    static func type(_ value: String) -> Attribute { Attribute("type", value) }
    static func value(_ value: String) -> Attribute { Attribute("value", value) }
    static func label(_ value: String) -> Attribute { Attribute("aria-label", value) }
    static func `for`(_ value: String) -> Attribute { Attribute("for", value) }
    static func flag(_ name: StaticString) -> Attribute { Attribute(name, nil) }
}

/// Builds `[Node]` from statements, `if`, `for` and `switch`.
@resultBuilder
public enum HTMLBuilder {
    public static func buildBlock(_ parts: [Node]...) -> [Node] { parts.flatMap { $0 } }
    public static func buildExpression(_ node: Node) -> [Node] { [node] }
    public static func buildExpression(_ nodes: [Node]) -> [Node] { nodes }
    public static func buildExpression(_ text: String) -> [Node] { [.text(text)] }
    public static func buildOptional(_ nodes: [Node]?) -> [Node] { nodes ?? [] }
    public static func buildEither(first nodes: [Node]) -> [Node] { nodes }
    public static func buildEither(second nodes: [Node]) -> [Node] { nodes }
    public static func buildArray(_ nodes: [[Node]]) -> [Node] { nodes.flatMap { $0 } }
}

/// An element with children.
func el(_ tag: StaticString, _ attributes: Attribute..., @HTMLBuilder children: () -> [Node]) -> Node {
    Node(content: .element(tag, attributes, children()))
}

/// An element with children and a computed list of attributes.
func el(_ tag: StaticString, attributes: [Attribute], @HTMLBuilder _ children: () -> [Node]) -> Node {
    Node(content: .element(tag, attributes, children()))
}

/// An element without children (`input`, `meta`, `link`, or an empty one).
func el(_ tag: StaticString, _ attributes: Attribute...) -> Node {
    Node(content: .element(tag, attributes, []))
}

/// An element without children and a computed list of attributes.
func el(_ tag: StaticString, attributes: [Attribute]) -> Node {
    Node(content: .element(tag, attributes, []))
}

/// Renders nodes to HTML bytes: tag and attribute names are copied from their static strings, texts escaped as
/// they are copied (one pass, no intermediate strings).
enum HTMLRenderer {
    private static let voidElements: [StaticString] = ["input", "meta", "link", "br", "hr", "img"]

    static func render(_ nodes: [Node]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(64 * 1024)
        append("<!DOCTYPE html>\n", to: &output)
        for node in nodes { write(node, into: &output) }
        return output
    }

    private static func write(_ node: Node, into output: inout [UInt8]) {
        switch node.content {
        case .text(let text):
            escape(text, into: &output)
        case .list(let nodes):
            for child in nodes { write(child, into: &output) }
        case .element(let tag, let attributes, let children):
            output.append(UInt8(ascii: "<"))
            append(tag, to: &output)
            for attribute in attributes {
                output.append(UInt8(ascii: " "))
                append(attribute.name, to: &output)
                if let value = attribute.value {
                    output.append(UInt8(ascii: "="))
                    output.append(UInt8(ascii: "\""))
                    escape(value, into: &output)
                    output.append(UInt8(ascii: "\""))
                }
            }
            output.append(UInt8(ascii: ">"))
            if children.isEmpty, isVoid(tag) { return }
            for child in children { write(child, into: &output) }
            output.append(UInt8(ascii: "<"))
            output.append(UInt8(ascii: "/"))
            append(tag, to: &output)
            output.append(UInt8(ascii: ">"))
        }
    }

    private static func append(_ text: StaticString, to output: inout [UInt8]) {
        text.withUTF8Buffer { output.append(contentsOf: $0) }
    }

    private static func isVoid(_ tag: StaticString) -> Bool {
        tag.withUTF8Buffer { name in
            voidElements.contains { candidate in candidate.withUTF8Buffer { $0.elementsEqual(name) } }
        }
    }

    /// Escapes the five characters that can end a text or an attribute value.
    static func escape(_ text: String, into output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for index in 0..<bytes.count {
                let replacement: StaticString
                switch bytes[index] {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case UInt8(ascii: "'"): replacement = "&#39;"
                default: continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                append(replacement, to: &output)
                start = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]))
        }
    }
}
