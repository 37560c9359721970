import JSONRPC
import TrainingDomain
import TrainingStore

/// `plan.regenerate`: new workouts from a date on; planned rows keep their ids, executed days keep their snapshots.
enum PlanRegenerate: GoFastMethod {
    static let name = "plan.regenerate"
    static let access = RPCMethod.Access.write

    struct Params: Decodable {
        var planId: String
        var fromDate: CalendarDate?
        var goalTimeSeconds: Double?
        var longRunDay: String?
        var currentWeeklyDistanceMeters: Double?
        var recentRace: RacePerformance?
        var generator: PlanGeneratorKind?
        var acceptRisk: Bool?
    }

    static func handle(_ params: Params, _ call: MethodCall) async throws -> PlanGenerationResult {
        let context = call.context
        let request = call.request
        var plan = try await PlanInputs.plan(params.planId, context)
        guard plan.status == .active || plan.status == .completed else {
            throw RPCError.conflict("plan \(plan.id) is \(plan.status.rawValue); only a generated plan can be regenerated")
        }
        guard let race = try await context.database.race(forPlan: plan.id) else { throw RPCError.conflict("plan \(plan.id) has no race") }
        let athlete = try await AthleteInputs.require(plan.athleteId, context)
        let generator = (params.generator ?? context.generators.defaultGenerator).generator(context)
        let fromDate = params.fromDate ?? AthleteInputs.today(of: athlete, context)
        let lastDay = plan.startDate.adding(days: plan.weekCount * 7 - 1)
        guard fromDate <= lastDay else {
            throw RPCError.invalidParams(field: "fromDate", reason: "is after the plan's last day (\(lastDay)); nothing is left to regenerate")
        }
        let storedDays = try await context.database.plannedDays(planId: plan.id)
        let goal = try params.goalTimeSeconds.map { value throws(RPCError) in try PlanInputs.goalTime(value, distanceMeters: race.distanceMeters) }
            ?? plan.goalTimeSeconds
        let wholePlan = PlanRequest(
            raceName: race.name, raceDate: race.date, raceDistanceMeters: race.distanceMeters, startDate: plan.startDate,
            goalTimeSeconds: goal, trainingDays: plan.preferredDays,
            longRunDay: try PlanInputs.resolveLongRunDay(params.longRunDay, trainingDays: plan.preferredDays)
                ?? RegenerationScope.usualLongRunDay(of: storedDays.map(\.plannedData), on: storedDays.map(\.date.weekday), trainingDays: plan.preferredDays),
            currentWeeklyDistanceMeters: try PlanInputs.weeklyDistance(params.currentWeeklyDistanceMeters),
            recentRace: try PlanInputs.fitness(params.recentRace, athlete: athlete), acceptRisk: params.acceptRisk ?? false
        )
        // Decided by a rule before anything is generated, so the generator (a paid provider, maybe) is called once.
        let scope = RegenerationScope(plan: wholePlan, fromDate: fromDate)
        request.progress.begin(title: "Regenerating plan \(plan.id) from \(fromDate)")
        defer { request.progress.end() }
        var generated = try await generator.generate(scope.request, progress: request.progress)
        try Task.checkCancellation()
        try PlanInputs.validate(generated, for: scope.request, generator: generator.name)
        generated = scope.placed(generated)
        if let warning = scope.warning { generated.warnings.append(warning) }

        plan.goalTimeSeconds = generated.goalTimeSeconds
        plan.weekCount = (generated.weeks.last?.weekIndex ?? -1) + 1
        plan.updatedAt = context.clock.timestamp()
        var days = PlanInputs.plannedDays(of: generated, plan: plan)
        if scope.warning != nil, let current = wholePlan.currentWeeklyDistanceMeters,
           let easyPace = WorkoutReshaping.easyPace(of: days) {
            // The whole plan was generated from its first week: hold the weeks from fromDate under a 10 % ramp from
            // the runner's current volume, so the fallback never jumps from where they are.
            days = VolumeRamp.capped(days, from: fromDate, startWeeklyMeters: current, easyPace: easyPace)
            generated.warnings.append("The weeks from \(fromDate) rise at most 10 % a week from your current \(Int((current / 1000).rounded())) km.")
        }
        // The commit point: from here the change is written and the reply is its result, whatever a cancel says.
        let generatedPlan = generated
        return try await request.committing { [plan, days, scope] in
            _ = try await context.database.replacePlannedWorkouts(planId: plan.id, fromDate: fromDate, days: days, plan: plan, reason: scope.warning)
            // The summary describes what is stored now: regenerated weeks and the kept days before fromDate.
            var regenerated = generatedPlan
            let stored = try await context.database.plannedDays(planId: plan.id)
            regenerated.weeks = Dictionary(grouping: stored, by: \.weekIndex).keys.sorted().map { weekIndex in
                let days = stored.filter { $0.weekIndex == weekIndex }.sorted { $0.dayIndex < $1.dayIndex }
                return GeneratedWeek(weekIndex: weekIndex, phase: days.first?.phase ?? .base, days: days.map {
                    GeneratedDay(weekIndex: weekIndex, dayIndex: $0.dayIndex, phase: $0.phase, workout: $0.plannedData)
                })
            }
            return PlanInputs.result(regenerated, plan: plan, race: race, generator: generator.name)
        }
    }
}
