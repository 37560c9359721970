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

    /// The series written member by member (a year is 365 objects of seven members, which `Codable` took a tenth of
    /// the call to encode): the same bytes as the `Codable` encoding, which `AthleteFitnessEncodingTests` compares;
    /// through `Codable` when a value cannot be written directly (a non-finite number), so its error names it.
    static func encode(_ result: Result) throws -> EncodedJSON {
        if let direct = encodeDirectly(result) { return direct }
        return try .encoding(result)
    }

    /// `result` member by member, or nil when a number is not finite.
    static func encodeDirectly(_ result: Result) -> EncodedJSON? {
        var days = [UInt8(ascii: "[")]
        days.reserveCapacity(result.days.count * 160 + 2)
        for (index, day) in result.days.enumerated() {
            if index > 0 { days.append(UInt8(ascii: ",")) }
            var object = JSONObjectWriter(capacity: 160)
            object.member("date", day.date.description)
            object.member("load", day.load)
            object.member("fitness", day.fitness)
            object.member("fatigue", day.fatigue)
            object.member("form", day.form)
            object.member("acwr", day.acwr)
            object.member("projected", day.projected)
            guard let encoded = object.finish() else { return nil }
            days.append(contentsOf: encoded.bytes)
        }
        days.append(UInt8(ascii: "]"))
        var object = JSONObjectWriter(capacity: days.count + 128)
        object.member("athleteId", result.athleteId)
        object.member("thresholdPaceSecondsPerKm", result.thresholdPaceSecondsPerKm)
        object.member("days", encoded: EncodedJSON(validJSONBytes: days))
        return object.finish()
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
