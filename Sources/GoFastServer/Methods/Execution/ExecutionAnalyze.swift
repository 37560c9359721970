import JSONRPC
import TrainingDomain

/// `execution.analyze`: the executed day judged against its planned snapshot (computed again and stored).
enum ExecutionAnalyze: GoFastMethod {
    static let name = "execution.analyze"
    static let access = RPCMethod.Access.write
    static let isIdempotent = true

    /// `executionId` (also accepted as `executedId` or `id`).
    struct Params: Decodable {
        var executionId: String?
        var executedId: String?
        var id: String?
    }

    static func handle(_ params: Params, _ call: MethodCall) async throws -> ExecutionAnalysis? {
        guard let id = params.executionId ?? params.executedId ?? params.id else {
            throw RPCError.invalidParams(field: "executionId", reason: "is required")
        }
        return try await call.database.analyzeExecution(id: id).analysis
    }
}
