import JSONRPC
import TrainingDomain

/// `plan.revisions`: every revision of the plan's days, oldest first (generation is 1).
enum PlanRevisions: GoFastMethod {
    static let name = "plan.revisions"
    static let access = RPCMethod.Access.read

    static func handle(_ params: PlanIdParams, _ call: MethodCall) async throws -> [PlanRevision] {
        _ = try await PlanInputs.plan(params.planId, call.context)
        return try await call.database.revisions(planId: params.planId)
    }
}
