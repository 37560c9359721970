import Foundation

/// Runs one method of a service outside a connection (for `gofast call`), blocking until it answers.
public enum OneShot {
    /// The result bytes or the JSON-RPC error of calling `method` with `params`.
    public static func call(service: RPCService, method: String, params: JSONValue) -> Result<[UInt8], RPCError> {
        guard let rpcMethod = service.methods[method] else { return .failure(.methodNotFound(method)) }
        let outcome = Locked<Result<[UInt8], RPCError>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            let result: Result<[UInt8], RPCError>
            do {
                result = .success(try await rpcMethod.handler(RPCRequest(method: method, id: .number(JSONNumber(1)), params: params)).bytes)
            } catch let error as RPCError {
                result = .failure(error)
            } catch {
                result = .failure(service.mapError(error) ?? .internalError)
            }
            outcome.withLock { $0 = result }
            done.signal()
        }
        done.wait()
        return outcome.withLock { $0! }
    }
}
