extension RPCRequest {
    /// Runs the part of a handler from its commit point on, shielded from `$/cancelRequest`.
    ///
    /// Cancellation is honoured only before the commit point: code before this call may check
    /// `Task.isCancelled` and throw `CancellationError` (answered -32800, nothing changed). The body here
    /// commits the change and reads back what the reply needs; it runs in a task of its own that the request's
    /// cancellation does not reach, so its `Task.checkCancellation()` calls (store reads included) pass, and the
    /// handler returns the result, which the connection always sends as the result.
    public func committing<Result: Sendable>(_ body: @escaping @Sendable () async throws -> Result) async throws -> Result {
        commitPoint.pass()
        // An unstructured task does not inherit cancellation; awaiting its value does not forward it either.
        return try await Task { try await body() }.value
    }

    /// Whether the handler has passed its commit point: a failure after it is reported as itself, never as -32800.
    public var isPastCommitPoint: Bool { commitPoint.isPassed }
}

/// Whether a request's handler has entered `RPCRequest.committing`; shared by the copies of the request.
final class CommitPoint: @unchecked Sendable {
    private let passed = Locked(false)

    func pass() { passed.withLock { $0 = true } }

    var isPassed: Bool { passed.withLock { $0 } }
}
