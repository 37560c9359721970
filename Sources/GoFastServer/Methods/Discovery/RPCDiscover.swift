import JSONRPC

/// `rpc.discover`: the OpenRPC document of `protocol/openrpc.json`, the contract clients read.
enum RPCDiscover: GoFastMethod {
    static let name = "rpc.discover"
    static let access = RPCMethod.Access.read

    static func handle(_ params: EmptyParams, _ call: MethodCall) async throws -> JSONValue {
        OpenRPCDocument.value
    }

    /// Written once, compactly, when the server starts.
    static func encode(_ result: JSONValue) throws -> EncodedJSON { OpenRPCDocument.compact }
}
