import JSONRPC
import TrainingDomain

/// `plan.assign`: "My Training Plans" — a newer assignment row makes the plan the athlete's active one.
enum PlanAssign: GoFastMethod {
    static let name = "plan.assign"
    static let access = RPCMethod.Access.write

    struct Params: Decodable {
        var athleteId: String
        var planId: String
    }

    static func handle(_ params: Params, _ call: MethodCall) async throws -> PlanAndRace {
        let now = call.context.clock.timestamp()
        let assigned = try await call.database.assignPlan(athleteId: params.athleteId, planId: params.planId, assignedAt: now)
        return PlanAndRace(plan: assigned.plan, race: assigned.race, assignedAt: now)
    }
}
