import JSONRPC
import TrainingDomain

/// The gofast methods, assembled into the service a `JSONRPCConnection` serves.
public enum GoFastService {
    /// The server's version.
    public static let version = "0.4.0"
    /// The protocol version clients can check in `initialize`.
    public static let protocolVersion = "1.0"

    /// Every method of ``MethodRegistry``, wired to `context`.
    public static func make(_ context: ServerContext) -> RPCService {
        RPCService(
            serverName: "gofast", serverVersion: version, protocolVersion: protocolVersion,
            methods: MethodRegistry.rpcMethods(context), mapError: { [logger = context.logger] error in ApplicationErrorMapper.map(error, logger: logger) }
        )
    }

    /// The names of every method, in the registry's order.
    public static var methodNames: [String] { MethodRegistry.all.map { $0.name } }
}
