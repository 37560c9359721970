import JSONRPC
import TrainingDomain

/// The gofast methods, assembled into the service a `JSONRPCConnection` serves.
public enum GoFastService {
    /// The server's version.
    public static let version = "0.3.0"
    /// The protocol version clients can check in `initialize`.
    public static let protocolVersion = "1.0"

    /// `protocol/openrpc.json`, parsed once and written compactly (one line, for newline framing).
    static let discoverResult = EncodedJSON.value((try? JSONParser.parse(Array(OpenRPCDocument.text.utf8))) ?? .null)

    /// Every method, wired to `context`.
    public static func make(_ context: ServerContext) -> RPCService {
        var methods: [RPCMethod] = [
            RPCMethod("rpc.discover", access: .read) { _ in discoverResult }
        ]
        methods += AthleteHandlers.methods(context)
        methods += RaceHandlers.methods(context)
        methods += PlanReadHandlers.methods(context)
        methods += PlanHandlers.methods(context)
        methods += ActivityHandlers.methods(context)
        methods += ExecutionHandlers.methods(context)
        return RPCService(
            serverName: "gofast", serverVersion: version, protocolVersion: protocolVersion, methods: methods,
            mapError: ApplicationErrorMapper.map
        )
    }
}
