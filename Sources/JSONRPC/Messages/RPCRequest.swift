/// One request as a method handler sees it: its params, a way to decode them, and progress reporting.
public struct RPCRequest: Sendable {
    /// The method name.
    public let method: String
    /// The request id; nil for a notification.
    public let id: JSONValue?
    /// The params object, or nil when absent.
    public let params: JSONValue?
    /// Reports `$/progress` when the request carried a `workDoneToken`; does nothing otherwise.
    public let progress: ProgressReporter
    /// Set once the handler passes its commit point (`committing`); from then on cancellation is not reported.
    let commitPoint = CommitPoint()

    /// Creates a request (the connection does this; tests may too).
    public init(method: String, id: JSONValue?, params: JSONValue?, progress: ProgressReporter = .disabled) {
        self.method = method
        self.id = id
        self.params = params
        self.progress = progress
    }

    /// Decodes the params object into `type`; a mismatch is `-32602` naming the field and the reason.
    public func decodeParams<Params: Decodable>(_ type: Params.Type = Params.self) throws(RPCError) -> Params {
        let object: JSONValue
        switch params {
        case nil, .null?: object = .object([:])
        case .object?: object = params!
        case .array?: throw RPCError.invalidParams(field: "params", reason: "\(method) takes named params (an object), not positional params (an array)")
        case let other?: throw RPCError.invalidParams(field: "params", reason: "must be an object, got \(other.typeName)")
        }
        do {
            return try JSONValueDecoder().decode(Params.self, from: object)
        } catch let error as RPCError {
            throw error
        } catch let error as DecodingError {
            throw Self.invalidParams(for: error)
        } catch {
            throw RPCError.invalidParams(field: "params", reason: "\(error)")
        }
    }

    static func invalidParams(for error: DecodingError) -> RPCError {
        if case .dataCorrupted(let context) = error, let underlying = context.underlyingError as? RPCError { return underlying }
        let (field, reason) = describe(error)
        return .invalidParams(field: field, reason: reason)
    }

    /// The field path and the reason of a decoding error, in the words of our `-32602` errors.
    public static func describe(_ error: DecodingError) -> (field: String, reason: String) {
        func path(_ keys: [any CodingKey]) -> String {
            var text = ""
            for key in keys {
                if let index = key.intValue {
                    text += "[\(index)]"
                } else {
                    text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
                }
            }
            return text.isEmpty ? "params" : text
        }
        switch error {
        case .keyNotFound(let key, let context):
            return (path(context.codingPath + [key]), "is required")
        case .typeMismatch(let type, let context):
            return (path(context.codingPath), "must be \(describe(type))")
        case .valueNotFound(let type, let context):
            return (path(context.codingPath), "must be \(describe(type)), not null")
        case .dataCorrupted(let context):
            return (path(context.codingPath), context.debugDescription)
        @unknown default:
            return ("params", "\(error)")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        let name = String(describing: type)
        switch name {
        case "String": return "a string"
        case "Int", "Int64", "Int32": return "an integer"
        case "Double", "Float": return "a number"
        case "Bool": return "a boolean"
        default:
            if name.hasPrefix("Array") { return "an array" }
            if name.hasPrefix("Dictionary") { return "an object" }
            return "a valid \(name)"
        }
    }
}
