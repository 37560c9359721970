import JSONRPC
import TrainingDomain
import TrainingStore

/// `plan.generate`: a whole plan for a goal race at once, validated, stored in one transaction and made active.
enum PlanGenerate: GoFastMethod {
    static let name = "plan.generate"
    static let access = RPCMethod.Access.write

    struct Params: Decodable {
        var athleteId: String
        var raceId: String?
        var race: InlineRace?
        var goalTimeSeconds: Double?
        var startDate: CalendarDate?
        var daysPerWeek: Int?
        var preferredDays: [String]?
        var longRunDay: String?
        var currentWeeklyDistanceMeters: Double?
        var recentRace: RacePerformance?
        var name: String?
        var planId: String?
        var id: String?
        var generator: PlanGeneratorKind?
        var acceptRisk: Bool?
    }

    static func handle(_ params: Params, _ call: MethodCall) async throws -> EncodedJSON {
        let context = call.context
        let request = call.request
        let athlete = try await AthleteInputs.require(params.athleteId, context)
        let generator = (params.generator ?? context.generators.defaultGenerator).generator(context)

        var draft: TrainingPlan?
        if let planId = params.planId {
            let found = try await PlanInputs.plan(planId, context)
            guard found.status == .draft else {
                throw RPCError.conflict("plan \(planId) is \(found.status.rawValue); only a draft can be generated into")
            }
            guard found.athleteId == athlete.id else { throw RPCError.conflict("plan \(planId) belongs to another athlete") }
            draft = found
        }
        if params.planId != nil, params.id != nil {
            throw RPCError.invalidParams(field: "id", reason: "cannot be given with planId")
        }
        let (race, insertsRace) = try await PlanInputs.resolveRace(raceId: params.raceId, inline: params.race, draft: draft, context)
        let today = AthleteInputs.today(of: athlete, context)
        guard race.date >= today else {
            throw RPCError.invalidParams(field: "race.date", reason: "the race (\(race.date)) is in the past: today is \(today) in \(athlete.timeZone)")
        }
        let trainingDays = try PlanInputs.resolveTrainingDays(daysPerWeek: params.daysPerWeek, preferredDays: params.preferredDays, fallback: draft?.preferredDays)
        let longRunDay = try PlanInputs.resolveLongRunDay(params.longRunDay, trainingDays: trainingDays)
        let startDate = params.startDate ?? draft?.startDate ?? today.next(.monday)
        let goal = try (params.goalTimeSeconds ?? draft?.goalTimeSeconds).map { value throws(RPCError) in
            try PlanInputs.goalTime(value, distanceMeters: race.distanceMeters)
        }
        let planRequest = PlanRequest(
            raceName: race.name, raceDate: race.date, raceDistanceMeters: race.distanceMeters, startDate: startDate,
            goalTimeSeconds: goal, trainingDays: trainingDays, longRunDay: longRunDay,
            currentWeeklyDistanceMeters: try PlanInputs.weeklyDistance(params.currentWeeklyDistanceMeters),
            recentRace: try PlanInputs.fitness(params.recentRace, athlete: athlete), acceptRisk: params.acceptRisk ?? false
        )
        if let id = params.id {
            try Identifiers.validate(id, field: "id")
            if try await context.database.plan(id: id) != nil { throw RPCError.conflict("a plan with id \"\(id)\" already exists") }
        }
        let lastDay = startDate.adding(days: planRequest.weekCount * 7 - 1)
        guard lastDay.components.year <= 9999, startDate <= race.date else {
            throw RPCError.invalidParams(field: "race.date", reason: "the plan must run from startDate (\(startDate)) to a race on or after it, within year 9999")
        }
        let name = try params.name.map { value throws(RPCError) in try Validation.text(value, field: "name") }
            ?? draft?.name ?? "\(race.name) plan"

        request.progress.begin(title: "Generating \(planRequest.weekCount)-week plan with \(generator.name)")
        var progressEnded = false
        defer { if !progressEnded { request.progress.end(message: "Failed") } }
        let now = context.clock.timestamp()
        // The plan as the request gives it; the generator then sets its goal time (asked for, or predicted).
        let requested = TrainingPlan(
            id: draft?.id ?? params.id ?? Identifiers.make("plan"), athleteId: athlete.id, name: name,
            goalTimeSeconds: goal, startDate: startDate, status: .active, preferredDays: trainingDays,
            weekCount: planRequest.weekCount, createdAt: draft?.createdAt ?? now, updatedAt: now
        )
        let write = PlanWrite(plan: requested, race: race, insertsRace: insertsRace, fillsDraft: draft != nil, days: [], assignedAt: now)
        let dayCount = planRequest.weekCount * 7
        let generatorName = generator.name
        let saved: TrainingPlan
        let answer: EncodedJSON
        if let weekByWeek = generator as? any WeekByWeekPlanGenerating {
            // Two cores: another thread runs the coach and hands each week's days to the store as it makes them,
            // then validates the plan (the transaction commits only once it is valid) and serialises the answer
            // beside the commit; this thread stores the days meanwhile.
            request.progress.report(message: "Generating and saving \(dayCount) days", percentage: 10)
            (saved, answer) = try await context.database.savePlan(write, making: { days in
                var ids = IdentifierSeries("day")
                let generated = try weekByWeek.generate(planRequest, eachWeek: { week in
                    days.append(PlanInputs.plannedDays(of: week, plan: requested, ids: &ids))
                })
                return (record(requested, of: generated), generated)
            }, checking: { generated in
                try PlanInputs.validate(generated, for: planRequest, generator: generatorName)
                return generated
            }, answering: { plan, generated in
                try serializedAnswer(generated, plan: plan, race: race, generator: generatorName)
            })
        } else {
            let generated = try await generator.generate(planRequest, progress: request.progress)
            try Task.checkCancellation()
            // The days are dated from their weeks' and days' numbers before the rest of the plan is checked (beside
            // the transaction, below): a plan of another shape is refused now, with the validator's first problem.
            if !PlanValidator().isWellShaped(generated, for: planRequest) {
                try PlanInputs.validate(generated, for: planRequest, generator: generatorName)
            }
            let plan = record(requested, of: generated)
            var whole = write
            whole.plan = plan
            whole.days = PlanInputs.plannedDays(of: generated, plan: plan)
            request.progress.report(message: "Saving \(dayCount) days", percentage: 90)
            // Two cores: this thread stores the plan while another serialises the days' workouts for the inserts,
            // then validates the plan (the transaction commits only once it is valid) and serialises the answer
            // beside the commit.
            (saved, answer) = try await context.database.savePlan(whole, checking: {
                try PlanInputs.validate(generated, for: planRequest, generator: generatorName)
            }, answering: {
                try serializedAnswer(generated, plan: plan, race: race, generator: generatorName)
            })
        }
        progressEnded = true
        request.progress.end(message: "Plan \(saved.id) is active")
        return answer
    }

    /// The plan's record once generated: the generator's goal time (asked for, or predicted) and its weeks.
    private static func record(_ requested: TrainingPlan, of generated: GeneratedPlan) -> TrainingPlan {
        var plan = requested
        plan.goalTimeSeconds = generated.goalTimeSeconds
        plan.weekCount = generated.weeks.count
        return plan
    }

    /// The answer about the stored `plan`, serialised.
    private static func serializedAnswer(_ generated: GeneratedPlan, plan: TrainingPlan, race: Race, generator: String) throws -> EncodedJSON {
        try EncodedJSON.encoding(PlanInputs.result(generated, plan: plan, race: race, generator: generator))
    }
}
