import JSONRPC
import TrainingDomain

/// `execution.get`: one executed day by id, with its planned snapshot and analysis.
enum ExecutionGet: GoFastMethod {
    static let name = "execution.get"
    static let access = RPCMethod.Access.read

    static func handle(_ params: IdParams, _ call: MethodCall) async throws -> ExecutedDay {
        guard let execution = try await call.database.execution(id: params.id) else { throw RPCError.notFound("execution", id: params.id) }
        return execution
    }
}
