import JSONRPC

/// One method's entry in `protocol/openrpc.json`, read for what MCP shows a model: words, params and result schema.
struct MCPOpenRPCMethod {
    /// The method's object in the document's `methods` array.
    let entry: JSONValue

    /// The entry of `method` in `document`, or nil when the document does not describe it.
    init?(_ method: String, in document: JSONValue = OpenRPCDocument.value) {
        guard case .array(let methods)? = document["methods"],
              let entry = methods.first(where: { $0["name"] == .string(method) }) else { return nil }
        self.entry = entry
    }

    /// The one-line summary.
    var summary: String? { entry["summary"]?.stringValue }
    /// The longer description, when there is one.
    var description: String? { entry["description"]?.stringValue }

    /// The params as content descriptors: name, schema, whether required, and their description.
    var params: [(name: String, schema: JSONValue, required: Bool, description: String?)] {
        guard case .array(let params)? = entry["params"] else { return [] }
        return params.compactMap { param in
            guard let name = param["name"]?.stringValue else { return nil }
            return (name, param["schema"] ?? .object([:]), param["required"] == .bool(true), param["description"]?.stringValue)
        }
    }

    /// The result's schema (an empty schema when the document gives none).
    var resultSchema: JSONValue { entry["result"]?["schema"] ?? .object([:]) }
    /// The result's description, when there is one.
    var resultDescription: String? { entry["result"]?["description"]?.stringValue }
}
