import JSONRPC
import TrainingDomain

/// `plan.list`: the athlete's plans.
enum PlanList: GoFastMethod {
    static let name = "plan.list"
    static let access = RPCMethod.Access.read

    static func handle(_ params: AthleteIdParams, _ call: MethodCall) async throws -> [TrainingPlan] {
        _ = try await AthleteInputs.require(params.athleteId, call.context)
        return try await call.database.plans(athleteId: params.athleteId)
    }
}
