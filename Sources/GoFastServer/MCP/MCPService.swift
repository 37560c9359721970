import JSONRPC
import Logging

/// gofast as a Model Context Protocol server: the same handlers as `gofast serve`, offered as MCP tools,
/// resources and prompts over the same JSON-RPC connection (newline framing).
public enum MCPService {
    /// What a model is told about the server in `initialize`.
    static let instructions = """
        GoFast is a local training-plan engine for runners. Every tool is a gofast method (name with _ for .). \
        Typical flow: athlete_list or athlete_create (an IANA timeZone is required), then plan_generate with a race \
        ({name, date YYYY-MM-DD, distanceMeters}) to build and activate a plan, plan_active for today's workout, \
        activity_ingest to record a run (matched to the plan automatically), execution_analyze to judge it, \
        plan_progress for planned against executed by week. Units: metres, seconds, seconds per km; dates are the \
        athlete's local dates. Resources: gofast://athletes and gofast://athletes/{id}/active-plan, \
        gofast://plans/{id}/days, gofast://plans/{id}/progress.
        """

    /// The MCP methods, wired to `context`.
    public static func make(_ context: ServerContext) -> RPCService {
        let gofast = GoFastService.make(context)
        let caller = MCPMethodCaller(service: gofast)
        let prompts = MCPPrompts(caller: caller, clock: context.clock)
        let methods = [
            RPCMethod("initialize", access: .read) { request in
                try initialize(request.decodeParams(InitializeParams.self))
            },
            // The client's acknowledgement of `initialize`; nothing to do.
            RPCMethod("notifications/initialized", access: .read) { _ in .null },
            RPCMethod("ping", access: .read) { _ in .value(.object([:])) },
            RPCMethod("tools/list", access: .read) { _ in
                .value(["tools": .array(MCPToolCatalog.tools.map(\.definition))])
            },
            // A write, whatever the tool: the connection orders it before it knows which method runs.
            RPCMethod("tools/call", access: .write) { request in
                try await MCPToolCall.run(request.decodeParams(MCPToolCall.Params.self), request: request, caller: caller)
            },
            RPCMethod("resources/list", access: .read) { request in
                try await MCPResources.list(request: request, caller: caller)
            },
            RPCMethod("resources/templates/list", access: .read) { _ in MCPResources.templates() },
            RPCMethod("resources/read", access: .read) { request in
                try await MCPResources.read(request.decodeParams(MCPResources.ReadParams.self), request: request, caller: caller)
            },
            RPCMethod("prompts/list", access: .read) { _ in MCPPrompts.list() },
            RPCMethod("prompts/get", access: .read) { request in
                try await prompts.get(request.decodeParams(MCPPrompts.GetParams.self), request: request)
            },
        ]
        return RPCService(
            serverName: "gofast", serverVersion: GoFastService.version, protocolVersion: MCPProtocolVersion.latest,
            methods: methods, mapError: { error in gofast.mapError(error).map(MCPErrorCodes.outsideToolResult) }
        )
    }

    /// The params of `initialize` that gofast reads.
    struct InitializeParams: Decodable {
        /// The revision the client speaks.
        var protocolVersion: String?
    }

    /// The answer to `initialize`: the negotiated revision, what gofast offers, who it is and how to use it.
    static func initialize(_ params: InitializeParams) -> EncodedJSON {
        .value([
            "protocolVersion": .string(MCPProtocolVersion.negotiate(params.protocolVersion)),
            "capabilities": [
                "tools": ["listChanged": false],
                "resources": ["subscribe": false, "listChanged": false],
                "prompts": ["listChanged": false],
            ],
            "serverInfo": ["name": "gofast", "title": "GoFast training engine", "version": .string(GoFastService.version)],
            "instructions": .string(instructions),
        ])
    }
}
