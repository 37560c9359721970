import JSONRPC

/// One gofast method offered as an MCP tool: the method's name with `_` for `.`, and what `tools/list` shows.
struct MCPTool: Sendable {
    /// The tool name (`plan_generate`).
    let name: String
    /// The gofast method it calls (`plan.generate`), through the same handler `gofast serve` uses.
    let method: String
    /// A short title for people (`Plan generate`).
    let title: String
    /// What the tool does, for a model: the method's summary and description from `protocol/openrpc.json`.
    let description: String
    /// The params as one self-contained object schema.
    let inputSchema: JSONValue
    /// The schema of `structuredContent`: always an object schema.
    let outputSchema: JSONValue
    /// Whether `structuredContent` is `{"result": …}` because the method's result is not an object (an array, or null).
    let wrapsResult: Bool
    /// MCP's behaviour hints: `readOnlyHint`, `destructiveHint`, `idempotentHint` and the title.
    let annotations: JSONValue

    /// The tool name of a gofast method: `.` becomes `_`.
    static func name(ofMethod method: String) -> String {
        method.replacingOccurrences(of: ".", with: "_")
    }

    /// The tool's entry in a `tools/list` result.
    var definition: JSONValue {
        [
            "name": .string(name),
            "title": .string(title),
            "description": .string(description),
            "inputSchema": inputSchema,
            "outputSchema": outputSchema,
            "annotations": annotations,
        ]
    }
}
