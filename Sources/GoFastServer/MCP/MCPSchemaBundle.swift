import JSONRPC

/// Makes a schema from `protocol/openrpc.json` self-contained for an MCP client, which never sees the document's
/// `#/components`: every `#/components/schemas/X` becomes `#/$defs/X`, and the components it needs, transitively,
/// are gathered under `$defs`.
struct MCPSchemaBundle {
    /// The document's `components.schemas`.
    private let components: [String: JSONValue]
    /// The components gathered so far, by name, already rewritten.
    private(set) var definitions: [String: JSONValue] = [:]

    /// The prefix of a reference into the OpenRPC document's schemas.
    static let componentPrefix = "#/components/schemas/"
    /// The prefix of the same reference inside a bundled schema.
    static let definitionPrefix = "#/$defs/"

    /// A bundle drawing on `document`'s components (``OpenRPCDocument/value`` by default).
    init(document: JSONValue = OpenRPCDocument.value) {
        components = document["components"]?["schemas"]?.objectValue ?? [:]
    }

    /// The component named `name`, unchanged, or nil.
    func component(_ name: String) -> JSONValue? { components[name] }

    /// `schema` with its references rewritten; the components they name are added to ``definitions``.
    mutating func rewrite(_ schema: JSONValue) -> JSONValue {
        switch schema {
        case .object(var members):
            if case .string(let reference)? = members["$ref"], reference.hasPrefix(Self.componentPrefix) {
                let name = String(reference.dropFirst(Self.componentPrefix.count))
                members["$ref"] = .string(Self.definitionPrefix + name)
                include(name)
            }
            for (key, value) in members where key != "$ref" {
                members[key] = rewrite(value)
            }
            return .object(members)
        case .array(let elements):
            return .array(elements.map { rewrite($0) })
        default:
            return schema
        }
    }

    /// A schema whose top level is the component `$ref` points at (or `schema` itself when it is no reference).
    ///
    /// MCP wants `outputSchema` to say `"type": "object"` at its top, which a bare `$ref` does not.
    func dereferenced(_ schema: JSONValue) -> JSONValue {
        guard case .string(let reference)? = schema["$ref"], reference.hasPrefix(Self.componentPrefix),
              let target = components[String(reference.dropFirst(Self.componentPrefix.count))] else { return schema }
        return dereferenced(target)
    }

    /// `schema` (an object schema) with `$defs` set to everything gathered, when anything was.
    func attachingDefinitions(to schema: JSONValue) -> JSONValue {
        guard case .object(var members) = schema, !definitions.isEmpty else { return schema }
        members["$defs"] = .object(definitions)
        return .object(members)
    }

    private mutating func include(_ name: String) {
        guard definitions[name] == nil, let component = components[name] else { return }
        // Reserve the name first, so a schema that refers to itself does not recurse forever.
        definitions[name] = .object([:])
        definitions[name] = rewrite(component)
    }
}
