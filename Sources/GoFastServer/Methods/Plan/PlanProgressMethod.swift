import JSONRPC
import TrainingDomain

/// `plan.progress`: week by week, planned against executed distance and time, sessions done and missed, compliance.
enum PlanProgressMethod: GoFastMethod {
    static let name = "plan.progress"
    static let access = RPCMethod.Access.read

    /// The plan's weeks as of today in the athlete's time zone.
    struct Result: Encodable {
        var planId: String
        var today: CalendarDate
        var weeks: [WeekProgress]
    }

    static func handle(_ params: PlanIdParams, _ call: MethodCall) async throws -> Result {
        let plan = try await PlanInputs.plan(params.planId, call.context)
        let athlete = try await AthleteInputs.require(plan.athleteId, call.context)
        let today = AthleteInputs.today(of: athlete, call.context)
        return Result(planId: plan.id, today: today, weeks: try await call.database.planProgress(planId: plan.id, today: today))
    }
}
