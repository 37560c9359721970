import JSONRPC
import TrainingDomain

/// `plan.days`: the plan's planned days, optionally between two dates.
enum PlanDays: GoFastMethod {
    static let name = "plan.days"
    static let access = RPCMethod.Access.read

    struct Params: Decodable {
        var planId: String
        var from: CalendarDate?
        var to: CalendarDate?
    }

    static func handle(_ params: Params, _ call: MethodCall) async throws -> [PlannedDay] {
        if let from = params.from, let to = params.to, to < from {
            throw RPCError.invalidParams(field: "to", reason: "must not be before from (\(from))")
        }
        _ = try await PlanInputs.plan(params.planId, call.context)
        return try await call.database.plannedDays(planId: params.planId, from: params.from, to: params.to)
    }
}
