import JSONRPC
import TrainingStore
import TrainingDomain

/// `athlete.fitness`: fitness, fatigue, form and ACWR day by day, projected past today from the active plan.
enum AthleteFitness: GoFastMethod {
    static let name = "athlete.fitness"
    static let access = RPCMethod.Access.read

    struct Params: Decodable {
        var athleteId: String
        var from: CalendarDate
        var to: CalendarDate
    }

    /// The series and the threshold pace its loads were computed with.
    struct Result: Encodable {
        var athleteId: String
        var thresholdPaceSecondsPerKm: Double?
        var days: [FitnessDay]
    }

    static func handle(_ params: Params, _ call: MethodCall) async throws -> Result {
        do {
            try FitnessSeries.checkRange(from: params.from, to: params.to)
        } catch {
            throw RPCError.invalidParams(field: error.field, reason: error.reason)
        }
        let athlete = try await AthleteInputs.require(params.athleteId, call.context)
        return try await series(for: athlete, from: params.from, to: params.to, call.context)
    }

    /// The series of `athlete` from `from` through `to` (a checked range).
    static func series(for athlete: Athlete, from: CalendarDate, to: CalendarDate, _ context: ServerContext) async throws -> Result {
        let database = context.database
        let today = AthleteInputs.today(of: athlete, context)
        let thresholds = LoadThresholds(athlete)
        let loads = try await RecordedRunning.read(athlete: athlete, through: min(to, today), thresholds: thresholds, database).loads
        var plannedLoads: [CalendarDate: Double] = [:]
        if to > today, let active = try await database.activePlan(athleteId: athlete.id) {
            let days = try await database.plannedDays(planId: active.plan.id, from: today.adding(days: 1), to: to)
            plannedLoads = PlannedLoadCalculator(thresholds: thresholds).dailyLoads(of: days)
        }
        let days = FitnessSeries.days(loads: loads, plannedLoads: plannedLoads, from: from, to: to, today: today)
        return Result(athleteId: athlete.id, thresholdPaceSecondsPerKm: thresholds.thresholdPaceSecondsPerKm.map { ($0 * 10).rounded() / 10 }, days: days)
    }
}
