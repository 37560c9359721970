/// One method the server offers: its name, whether it writes, and its handler.
public struct RPCMethod: Sendable {
    /// Whether a method only reads (runs concurrently with other reads) or writes (runs alone, in arrival order).
    public enum Access: Sendable {
        case read, write
    }

    /// The method name (`athlete.get`).
    public let name: String
    /// Read or write.
    public let access: Access
    /// Handles one request and returns its encoded result.
    public let handler: @Sendable (RPCRequest) async throws -> EncodedJSON
    /// For a read that needs no suspension: the same work done synchronously, which the connection runs on its
    /// reader thread (no task, no scheduler hop) whenever no write is pending; nil for ordinary methods.
    public let inlineHandler: (@Sendable (RPCRequest) throws -> EncodedJSON)?
    /// For an inline read: the same answer from the params' raw bytes (an object as written), or nil to decline,
    /// in which case the request takes the general path. It answers only successes it is sure of, so it never
    /// replies differently from `inlineHandler`.
    public let scannedHandler: (@Sendable (ArraySlice<UInt8>) -> EncodedJSON?)?

    /// Creates a method.
    public init(_ name: String, access: Access, handler: @escaping @Sendable (RPCRequest) async throws -> EncodedJSON) {
        self.name = name
        self.access = access
        self.handler = handler
        self.inlineHandler = nil
        self.scannedHandler = nil
    }

    /// Creates a short read answered inline: on the connection's reader thread when no write is pending, else
    /// as a task ordered after the pending writes like any read. It must not block for long: while it runs,
    /// no input is read.
    ///
    /// `scannedRead`, when given, answers the plainest requests from their raw params before anything is parsed
    /// (see `scannedHandler`).
    public init(
        _ name: String, inlineRead: @escaping @Sendable (RPCRequest) throws -> EncodedJSON,
        scannedRead: (@Sendable (ArraySlice<UInt8>) -> EncodedJSON?)? = nil
    ) {
        self.name = name
        self.access = .read
        self.handler = { request in try inlineRead(request) }
        self.inlineHandler = inlineRead
        self.scannedHandler = scannedRead
    }
}

/// Everything the connection needs from the application: its methods, identity and error mapping.
public struct RPCService: Sendable {
    /// Name and version reported by `initialize`.
    public var serverName: String
    /// The server version.
    public var serverVersion: String
    /// The protocol version reported by `initialize`.
    public var protocolVersion: String
    /// The methods, by name; a method named `initialize` replaces the connection's own answer to it.
    public var methods: [String: RPCMethod]
    /// Turns application errors into JSON-RPC errors; nil means an internal error.
    public var mapError: @Sendable (any Error) -> RPCError?

    /// Creates a service.
    public init(
        serverName: String, serverVersion: String, protocolVersion: String, methods: [RPCMethod],
        mapError: @escaping @Sendable (any Error) -> RPCError? = { _ in nil }
    ) {
        self.serverName = serverName
        self.serverVersion = serverVersion
        self.protocolVersion = protocolVersion
        self.methods = Dictionary(methods.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
        self.mapError = mapError
    }

    /// Names of every method the connection answers, lifecycle included, sorted.
    public var allMethodNames: [String] {
        Set(methods.keys).union(["initialize", "shutdown"]).sorted()
    }
}
