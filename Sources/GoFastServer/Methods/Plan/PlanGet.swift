import JSONRPC
import TrainingDomain

/// `plan.get`: one plan by id.
enum PlanGet: GoFastMethod {
    static let name = "plan.get"
    static let access = RPCMethod.Access.read

    static func handle(_ params: IdParams, _ call: MethodCall) async throws -> TrainingPlan {
        try await PlanInputs.plan(params.id, call.context)
    }
}
