/// Sends `$/progress` notifications (`begin`, `report`, `end`) for one request's `workDoneToken`.
public struct ProgressReporter: Sendable {
    private let token: JSONValue?
    private let send: (@Sendable (JSONValue) -> Void)?

    /// A reporter that sends nothing (no token was given).
    public static let disabled = ProgressReporter(token: nil, send: nil)

    /// A reporter that sends notifications through `send`.
    public init(token: JSONValue?, send: (@Sendable (JSONValue) -> Void)?) {
        self.token = token
        self.send = send
    }

    /// Whether the client asked for progress.
    public var isEnabled: Bool { token != nil && send != nil }

    /// Starts the progress.
    public func begin(title: String, percentage: Int? = 0) {
        var value: [String: JSONValue] = ["kind": "begin", "title": .string(title), "cancellable": true]
        if let percentage { value["percentage"] = .number(JSONNumber(percentage)) }
        emit(value)
    }

    /// Reports a step.
    public func report(message: String, percentage: Int? = nil) {
        var value: [String: JSONValue] = ["kind": "report", "message": .string(message)]
        if let percentage { value["percentage"] = .number(JSONNumber(max(0, min(100, percentage)))) }
        emit(value)
    }

    /// Ends the progress.
    public func end(message: String? = nil) {
        var value: [String: JSONValue] = ["kind": "end"]
        if let message { value["message"] = .string(message) }
        emit(value)
    }

    private func emit(_ value: [String: JSONValue]) {
        guard let token, let send else { return }
        send(["jsonrpc": "2.0", "method": "$/progress", "params": ["token": token, "value": .object(value)]])
    }
}
