import JSONRPC

/// Where gofast's error codes and MCP's meet. MCP gives `-32002` its own meaning, "resource not found"; on
/// `gofast serve` the same code is gofast's conflict. Inside a tool result the code is only text, so nothing
/// collides; a gofast error that would surface as a JSON-RPC error of an MCP request (a resource read, a prompt)
/// is re-coded so that `-32002` only ever means a missing resource there.
enum MCPErrorCodes {
    /// MCP's code for a resource that does not exist.
    static let resourceNotFound = -32002

    /// `error` as an MCP request may answer it: a gofast conflict (on a read, only "the database is busy")
    /// becomes a server error, `-32603`, with its message and data; any other code stays.
    static func outsideToolResult(_ error: RPCError) -> RPCError {
        guard error.code == ApplicationErrorCode.conflict else { return error }
        return RPCError(code: RPCError.internalError.code, message: error.message, data: error.data)
    }
}
