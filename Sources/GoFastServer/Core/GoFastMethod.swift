import JSONRPC
import TrainingStore

/// One gofast method: its name, params, result, read or write access and handler, in one type.
///
/// A method is added by writing one such type, listing it in ``MethodRegistry/all`` and describing it in
/// `protocol/openrpc.json` (see CONTRIBUTING.md); tests check the three agree.
protocol GoFastMethod: SendableMetatype {
    /// The params object, decoded by name; a mismatch is `-32602` with the field's path.
    associatedtype Params: Decodable & SendableMetatype
    /// What the method returns.
    associatedtype Result: Encodable & SendableMetatype

    /// The method name on the wire (`athlete.get`).
    static var name: String { get }
    /// Reads run concurrently; writes run alone, in arrival order.
    static var access: RPCMethod.Access { get }
    /// Whether calling it may remove or overwrite what a runner cannot get back (MCP's `destructiveHint`).
    static var isDestructive: Bool { get }
    /// Whether calling it twice with the same params leaves the same state as once (MCP's `idempotentHint`).
    static var isIdempotent: Bool { get }
    /// Top-level params members the method checks item by item (NUL included), so one bad item gets its own error.
    static var itemCheckedMembers: Set<String> { get }

    /// Handles one call.
    static func handle(_ params: Params, _ call: MethodCall) async throws -> Result

    /// The result's bytes on the wire; a method whose result is already serialised may return them as they are.
    static func encode(_ result: Result) throws -> EncodedJSON

    /// The method wired to `context`; a hot single-row read may answer inline on the reader thread instead.
    static func rpcMethod(_ context: ServerContext) -> RPCMethod
}

extension GoFastMethod {
    static var isDestructive: Bool { false }
    static var isIdempotent: Bool { access == .read }
    static var itemCheckedMembers: Set<String> { [] }

    static func encode(_ result: Result) throws -> EncodedJSON { try .encoding(result) }

    /// The method wired to `context`, as the connection serves it.
    static func rpcMethod(_ context: ServerContext) -> RPCMethod {
        RPCMethod(name, access: access) { request in
            try encode(try await handle(try params(of: request), MethodCall(context: context, request: request)))
        }
    }

    /// The request's params, checked (NUL and control characters) and decoded: every path into a handler goes through here.
    static func params(of request: RPCRequest) throws -> Params {
        try NULGuard.check(request.params, skipping: itemCheckedMembers)
        return try request.decodeParams(Params.self)
    }
}

extension GoFastMethod where Result == EncodedJSON {
    /// A result serialised by the handler itself (while it waited for the store) goes out as it is.
    static func encode(_ result: EncodedJSON) throws -> EncodedJSON { result }
}

/// What a handler has besides its params: the server's context and the request (raw params, progress).
struct MethodCall: Sendable {
    /// The database, clock, log and generator settings.
    let context: ServerContext
    /// The request as it arrived.
    let request: RPCRequest

    /// The store.
    var database: AppDatabase { context.database }
}
