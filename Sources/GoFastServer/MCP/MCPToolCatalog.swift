import JSONRPC

/// The MCP tools: every method of ``MethodRegistry`` a person would ask for, described from `protocol/openrpc.json`.
///
/// Nothing here is written by hand per method: names come from the registry, schemas and words from the document,
/// hints from the method types. A method added to the registry and the document is a tool with no further step.
enum MCPToolCatalog {
    /// Methods that are about the protocol, not about training, and so are no tool.
    static let excludedMethods: Set<String> = ["rpc.discover"]

    /// Every tool, in the registry's order.
    static let tools: [MCPTool] = MethodRegistry.all
        .filter { !excludedMethods.contains($0.name) }
        .map { tool(for: $0) }

    /// The tools by name.
    static let byName: [String: MCPTool] = Dictionary(uniqueKeysWithValues: tools.map { ($0.name, $0) })

    /// The tool of one method type.
    static func tool(for method: any GoFastMethod.Type, document: JSONValue = OpenRPCDocument.value) -> MCPTool {
        let entry = MCPOpenRPCMethod(method.name, in: document)
        let (outputSchema, wrapsResult) = outputSchema(of: entry, document: document)
        let title = title(ofMethod: method.name)
        return MCPTool(
            name: MCPTool.name(ofMethod: method.name),
            method: method.name,
            title: title,
            description: description(of: method.name, entry),
            inputSchema: inputSchema(of: entry, document: document),
            outputSchema: outputSchema,
            wrapsResult: wrapsResult,
            annotations: [
                "title": .string(title),
                "readOnlyHint": .bool(method.access == .read),
                "destructiveHint": .bool(method.isDestructive),
                "idempotentHint": .bool(method.isIdempotent),
            ]
        )
    }

    /// The params as an object schema: each param's schema (with the param's description) under `properties`,
    /// the required ones under `required`, and the components they use under `$defs`.
    static func inputSchema(of entry: MCPOpenRPCMethod?, document: JSONValue = OpenRPCDocument.value) -> JSONValue {
        var bundle = MCPSchemaBundle(document: document)
        var properties: [String: JSONValue] = [:]
        var required: [JSONValue] = []
        for param in entry?.params ?? [] {
            properties[param.name] = describing(bundle.rewrite(param.schema), param.description)
            if param.required { required.append(.string(param.name)) }
        }
        var schema: [String: JSONValue] = ["type": "object", "properties": .object(properties)]
        if !required.isEmpty { schema["required"] = .array(required) }
        return bundle.attachingDefinitions(to: .object(schema))
    }

    /// The schema of `structuredContent` and whether the result is wrapped as `{"result": …}`.
    ///
    /// MCP's `structuredContent` and `outputSchema` are objects. A method whose result is an object gives its
    /// result as it is, and its result schema (the component inlined at the top) is the output schema. A method
    /// whose result is anything else (an array, or "an object or null" like `plan.active`) gives `{"result": <its result>}`, and the
    /// output schema says exactly that.
    static func outputSchema(of entry: MCPOpenRPCMethod?, document: JSONValue = OpenRPCDocument.value) -> (schema: JSONValue, wrapsResult: Bool) {
        var bundle = MCPSchemaBundle(document: document)
        let result = entry?.resultSchema ?? .object([:])
        let top = bundle.dereferenced(result)
        if top["type"] == .string("object") {
            let rewritten = bundle.rewrite(top)
            return (bundle.attachingDefinitions(to: rewritten), false)
        }
        let wrapped: JSONValue = [
            "type": "object",
            "properties": ["result": describing(bundle.rewrite(result), entry?.resultDescription)],
            "required": ["result"],
            "additionalProperties": false,
        ]
        return (bundle.attachingDefinitions(to: wrapped), true)
    }

    /// The description a model reads: the summary, then the details.
    static func description(of method: String, _ entry: MCPOpenRPCMethod?) -> String {
        let parts = [entry?.summary, entry?.description].compactMap { $0 }.filter { !$0.isEmpty }
        return parts.isEmpty ? "The gofast method \(method)." : parts.joined(separator: "\n\n")
    }

    /// A title from the method name: `plan.progress` → `Plan progress`.
    static func title(ofMethod method: String) -> String {
        let words = method.split(separator: ".").map(String.init)
        guard let first = words.first else { return method }
        return ([first.prefix(1).uppercased() + first.dropFirst()] + words.dropFirst()).joined(separator: " ")
    }

    /// `schema` with `description` set, when there is one to set.
    static func describing(_ schema: JSONValue, _ description: String?) -> JSONValue {
        guard let description, !description.isEmpty, case .object(var members) = schema else { return schema }
        members["description"] = .string(description)
        return .object(members)
    }
}
