import JSONRPC

/// `resources/list`, `resources/templates/list` and `resources/read`: gofast's data as `application/json` resources.
///
/// A resource is read by the same handler as its method (``MCPResourceRoute/method``), so its text is the method's
/// result byte for byte. A URI that names nothing is MCP's "resource not found", JSON-RPC error `-32002` with
/// `data.uri`. That code is MCP's: on `gofast serve`, `-32002` is gofast's own "conflict", a different code space.
enum MCPResources {
    /// The params of `resources/read`.
    struct ReadParams: Decodable {
        /// The resource's URI.
        var uri: String
    }

    /// `gofast://athletes` and, for each athlete, their active plan.
    static func list(request: RPCRequest, caller: MCPMethodCaller) async throws -> EncodedJSON {
        var resources: [JSONValue] = MCPResourceRoute.all.filter { $0.idParam == nil }.map(\.definition)
        let everyone: JSONValue
        do {
            everyone = try await caller.value("athlete.list", [:], within: request)
        } catch let error as RPCError {
            throw MCPErrorCodes.outsideToolResult(error)
        }
        if let activePlan = MCPResourceRoute.all.first(where: { $0.method == "plan.active" }), case .array(let athletes) = everyone {
            for athlete in athletes {
                guard let id = athlete["id"]?.stringValue else { continue }
                let name = athlete["name"]?.stringValue ?? id
                resources.append([
                    "uri": .string(activePlan.uri(id: id)),
                    "name": .string("active-plan-\(id)"),
                    "title": .string("\(name): active plan and today's workout"),
                    "description": .string(activePlan.description),
                    "mimeType": .string(MCPResourceRoute.mimeType),
                ])
            }
        }
        return .value(["resources": .array(resources)])
    }

    /// The parameterised resources.
    static func templates() -> EncodedJSON {
        .value(["resourceTemplates": .array(MCPResourceRoute.all.filter { $0.idParam != nil }.map(\.definition))])
    }

    /// The resource at `params.uri`, as JSON text.
    static func read(_ params: ReadParams, request: RPCRequest, caller: MCPMethodCaller) async throws -> EncodedJSON {
        guard let (route, methodParams) = MCPResourceRoute.match(params.uri) else {
            throw notFound(params.uri, reason: "no gofast resource has this URI; see resources/list and resources/templates/list")
        }
        let text: EncodedJSON
        do {
            text = try await caller.call(route.method, methodParams, within: request)
        } catch let error as RPCError where error.code == ApplicationErrorCode.notFound || error.code == -32602 {
            // The id names no record, or cannot be one: the resource does not exist.
            throw notFound(params.uri, reason: error.message)
        } catch let error as RPCError {
            throw MCPErrorCodes.outsideToolResult(error)
        }
        return .value([
            "contents": [[
                "uri": .string(params.uri),
                "mimeType": .string(MCPResourceRoute.mimeType),
                "text": .string(String(decoding: text.bytes, as: UTF8.self)),
            ]],
        ])
    }

    /// MCP's resource-not-found error for `uri`.
    static func notFound(_ uri: String, reason: String) -> RPCError {
        RPCError(code: MCPErrorCodes.resourceNotFound, message: "Resource not found", data: ["uri": .string(uri), "reason": .string(reason)])
    }
}
