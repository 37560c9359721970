import JSONRPC
import TrainingDomain

/// `plan.active`: the athlete's active plan (latest assignment first, then the latest active plan) with today's workout.
enum PlanActive: GoFastMethod {
    static let name = "plan.active"
    static let access = RPCMethod.Access.read

    /// The active plan, its race and the planned day of today in the athlete's time zone.
    struct ActivePlan: Encodable {
        var plan: TrainingPlan
        var race: Race?
        var today: PlannedDay?
        var todayDate: CalendarDate
    }

    static func handle(_ params: AthleteIdParams, _ call: MethodCall) async throws -> ActivePlan? {
        let athlete = try await AthleteInputs.require(params.athleteId, call.context)
        guard let active = try await call.database.activePlan(athleteId: athlete.id) else { return nil }
        let today = AthleteInputs.today(of: athlete, call.context)
        let day = try await call.database.plannedDay(planId: active.plan.id, date: today)
        return ActivePlan(plan: active.plan, race: active.race, today: day, todayDate: today)
    }
}
