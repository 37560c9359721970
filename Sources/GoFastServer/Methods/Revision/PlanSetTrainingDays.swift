import JSONRPC
import TrainingDomain

/// `plan.setTrainingDays`: new training days (and long-run day) from a date on; the coming weeks are laid out again.
enum PlanSetTrainingDays: GoFastMethod {
    static let name = "plan.setTrainingDays"
    static let access = RPCMethod.Access.write

    struct Params: Decodable {
        var planId: String
        var fromDate: CalendarDate
        var preferredDays: [String]
        var longRunDay: String?
    }

    static func handle(_ params: Params, _ call: MethodCall) async throws -> PlanEditing.Result {
        let editing = try await PlanEditing.load(params.planId, call.context)
        try editing.requireEditable(params.fromDate, field: "fromDate", allowRaceDay: false)
        let trainingDays = try PlanInputs.resolveTrainingDays(daysPerWeek: nil, preferredDays: params.preferredDays, fallback: nil)
        let longRunDay = try PlanInputs.resolveLongRunDay(params.longRunDay, trainingDays: trainingDays)
        let request = PlanRequest(
            raceName: editing.race.name, raceDate: editing.race.date, raceDistanceMeters: editing.race.distanceMeters,
            startDate: editing.plan.startDate, goalTimeSeconds: editing.plan.goalTimeSeconds, trainingDays: trainingDays, longRunDay: longRunDay,
            recentRace: try PlanInputs.fitness(nil, athlete: editing.athlete)
        )
        // The built-in coach lays the weeks out again (deterministic, offline: an edit never calls a paid provider).
        let generated = try await BuiltInPlanGenerator().generate(request, progress: call.request.progress)
        let byPosition = Dictionary(uniqueKeysWithValues: generated.weeks.flatMap { week in week.days.map { ("\(week.weekIndex)-\($0.dayIndex)", $0) } })
        let edited = editing.days.filter { $0.date >= params.fromDate }.compactMap { day -> PlannedDay? in
            guard let new = byPosition["\(day.weekIndex)-\(day.dayIndex)"] else { return nil }
            var changed = day
            changed.plannedData = new.workout
            changed.phase = new.phase
            return changed
        }
        var plan = editing.plan
        plan.preferredDays = trainingDays
        var warnings: [String] = []
        let kept = editing.days.filter { $0.date < params.fromDate && $0.weekIndex == editing.plan.startDate.days(to: params.fromDate) / 7 }
        if !kept.isEmpty { warnings.append("The days of this week before \(params.fromDate) keep their workouts.") }
        return try await editing.commit(edited, kind: "setTrainingDays", reason: trainingDays.map(\.rawValue).joined(separator: ","), warnings: warnings,
                                        call, trainingDays: trainingDays, planUpdate: plan)
    }
}
