import JSONRPC

/// Calls gofast methods from inside an MCP request, through the very `RPCMethod`s `gofast serve` answers with.
struct MCPMethodCaller: Sendable {
    /// The gofast service: its methods and its error mapping.
    let service: RPCService

    /// The caller of `service`'s methods.
    init(service: RPCService) {
        self.service = service
    }

    /// The result bytes of `method` with `params`; an application error arrives as the `RPCError` `gofast serve`
    /// would send, anything unmapped (an internal error) or a cancellation is rethrown as it is.
    func call(_ method: String, _ params: JSONValue, within request: RPCRequest) async throws -> EncodedJSON {
        guard let rpcMethod = service.methods[method] else { throw RPCError.methodNotFound(method) }
        do {
            return try await rpcMethod.handler(RPCRequest(method: method, id: request.id, params: params))
        } catch let error as RPCError {
            throw error
        } catch {
            if let mapped = service.mapError(error) { throw mapped }
            throw error
        }
    }

    /// The result of `method` with `params`, parsed.
    func value(_ method: String, _ params: JSONValue, within request: RPCRequest) async throws -> JSONValue {
        try await JSONParser.parse(call(method, params, within: request).bytes)
    }
}
