import JSONRPC

/// `tools/call`: runs the tool's gofast method and answers in MCP's shape.
///
/// A success is `{content: [summary, JSON text], structuredContent: <the method's result>, isError: false}`
/// (`{"result": …}` for a tool whose ``MCPTool/wrapsResult``). A failure of the method (bad arguments, not
/// found, conflict, …) is `{content: [message, field and reason], isError: true}` so a model can read it and
/// retry; an unknown tool is a JSON-RPC error, `-32602`.
enum MCPToolCall {
    /// The params of `tools/call`.
    struct Params: Decodable {
        /// The tool's name.
        var name: String
        /// The method's params; absent means `{}`.
        var arguments: JSONValue?
    }

    /// Calls the tool named in `params`.
    static func run(_ params: Params, request: RPCRequest, caller: MCPMethodCaller) async throws -> EncodedJSON {
        guard let tool = MCPToolCatalog.byName[params.name] else {
            throw RPCError(
                code: -32602, message: "Unknown tool: \(params.name)",
                data: ["field": "name", "reason": .string("no tool is named \"\(params.name.prefix(100))\"; tools/list names them all")]
            )
        }
        let result: EncodedJSON
        do {
            result = try await caller.call(tool.method, params.arguments ?? .object([:]), within: request)
        } catch let error as RPCError {
            return failure(error, tool: tool)
        }
        return success(result, tool: tool)
    }

    /// The tool result of a method's result; `structuredContent` holds the method's result bytes as they are.
    static func success(_ result: EncodedJSON, tool: MCPTool) -> EncodedJSON {
        let value = (try? JSONParser.parse(result.bytes)) ?? .null
        var bytes = Array(#"{"content":[{"type":"text","text":"#.utf8)
        JSONWriter.writeString(MCPResultSummary.text(of: value, tool: tool), into: &bytes)
        bytes += Array(#"},{"type":"text","text":"#.utf8)
        JSONWriter.writeString(String(decoding: result.bytes, as: UTF8.self), into: &bytes)
        bytes += Array(#"}],"structuredContent":"#.utf8)
        if tool.wrapsResult { bytes += Array(#"{"result":"#.utf8) }
        bytes += result.bytes
        if tool.wrapsResult { bytes.append(UInt8(ascii: "}")) }
        bytes += Array(#","isError":false}"#.utf8)
        return EncodedJSON(validJSONBytes: bytes)
    }

    /// The tool result of a method's error: the message, then the error's code and `data` (`field`, `reason`, …).
    static func failure(_ error: RPCError, tool: MCPTool) -> EncodedJSON {
        var text = "\(tool.name) failed: \(error.message)"
        if let field = error.data?["field"]?.stringValue, let reason = error.data?["reason"]?.stringValue {
            text += "\nfield: \(field)\nreason: \(reason)"
        }
        text += "\nerror: " + String(decoding: JSONWriter.bytes(error.jsonValue), as: UTF8.self)
        return .value([
            "content": [["type": "text", "text": .string(text)]],
            "isError": true,
        ])
    }
}
