import JSONRPC
import TrainingDomain

/// `plan.archive`: the plan is no longer active or assignable; its days and executions stay.
enum PlanArchive: GoFastMethod {
    static let name = "plan.archive"
    static let access = RPCMethod.Access.write
    static let isDestructive = true
    static let isIdempotent = true

    static func handle(_ params: IdParams, _ call: MethodCall) async throws -> TrainingPlan {
        try await call.database.archivePlan(id: params.id, at: call.context.clock.timestamp())
    }
}
