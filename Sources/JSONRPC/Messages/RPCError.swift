/// A JSON-RPC error object: a stable code, a short message and optional structured `data`.
public struct RPCError: Error, Hashable, Sendable {
    /// The error code; the spec's codes are below -32000, application codes are listed in `protocol/`.
    public var code: Int
    /// A short description.
    public var message: String
    /// Details: for invalid params `{field, reason}`; for not found `{id}`.
    public var data: JSONValue?

    /// Creates an error.
    public init(code: Int, message: String, data: JSONValue? = nil) {
        self.code = code
        self.message = message
        self.data = data
    }

    /// -32700: the bytes are not JSON.
    public static func parseError(_ reason: String) -> RPCError {
        RPCError(code: -32700, message: "Parse error", data: ["reason": .string(reason)])
    }

    /// -32600: the JSON is not a valid request.
    public static func invalidRequest(_ reason: String) -> RPCError {
        RPCError(code: -32600, message: "Invalid Request", data: ["reason": .string(reason)])
    }

    /// -32601: no such method.
    public static func methodNotFound(_ method: String) -> RPCError {
        RPCError(code: -32601, message: "Method not found", data: ["method": .string(method)])
    }

    /// -32602: a parameter is missing or wrong; `field` is its path (`race.distanceMeters`).
    public static func invalidParams(field: String, reason: String) -> RPCError {
        RPCError(code: -32602, message: "Invalid params: \(field) \(reason)", data: ["field": .string(field), "reason": .string(reason)])
    }

    /// -32603: something failed inside the server; details go to the log, never to the client.
    public static let internalError = RPCError(code: -32603, message: "Internal error")

    /// -32800: the request was cancelled by `$/cancelRequest`.
    public static let requestCancelled = RPCError(code: -32800, message: "Request cancelled")

    /// The error as a JSON object.
    public var jsonValue: JSONValue {
        var members: [String: JSONValue] = ["code": .number(JSONNumber(code)), "message": .string(message)]
        if let data { members["data"] = data }
        return .object(members)
    }
}
