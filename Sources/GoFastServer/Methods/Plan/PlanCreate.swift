import JSONRPC
import TrainingDomain

/// `plan.create`: a draft plan (no days yet) that `plan.generate {planId}` fills later.
enum PlanCreate: GoFastMethod {
    static let name = "plan.create"
    static let access = RPCMethod.Access.write

    struct Params: Decodable {
        var id: String?
        var athleteId: String
        var name: String
        var raceId: String?
        var race: InlineRace?
        var goalTimeSeconds: Double?
        var startDate: CalendarDate?
        var daysPerWeek: Int?
        var preferredDays: [String]?
    }

    static func handle(_ params: Params, _ call: MethodCall) async throws -> PlanAndRace {
        let context = call.context
        let athlete = try await AthleteInputs.require(params.athleteId, context)
        if let id = params.id { try Identifiers.validate(id, field: "id") }
        let name = try Validation.text(params.name, field: "name")
        var race: Race?
        var newRace: Race?
        if params.raceId != nil || params.race != nil {
            let resolved = try await PlanInputs.resolveRace(raceId: params.raceId, inline: params.race, draft: nil, context)
            race = resolved.race
            if resolved.inserts { newRace = resolved.race }
        }
        let trainingDays = try PlanInputs.resolveTrainingDays(daysPerWeek: params.daysPerWeek, preferredDays: params.preferredDays, fallback: nil)
        let today = AthleteInputs.today(of: athlete, context)
        let now = context.clock.timestamp()
        let plan = TrainingPlan(
            id: params.id ?? Identifiers.make("plan"), athleteId: athlete.id, name: name,
            goalTimeSeconds: try params.goalTimeSeconds.map { value throws(RPCError) in
                if let race { return try PlanInputs.goalTime(value, distanceMeters: race.distanceMeters) }
                return try Validation.number(value, in: 600...(100 * 3600), field: "goalTimeSeconds", unit: "seconds")
            },
            startDate: params.startDate ?? today.next(.monday), status: .draft, preferredDays: trainingDays, weekCount: 0,
            createdAt: now, updatedAt: now
        )
        let stored = try await context.database.insertDraftPlan(plan, raceId: race?.id, insertsRace: newRace)
        return PlanAndRace(plan: stored.plan, race: stored.race, assignedAt: nil)
    }
}
