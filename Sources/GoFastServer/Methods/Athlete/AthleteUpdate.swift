import JSONRPC
import TrainingDomain

/// `athlete.update`: changes the fields given; `null` clears an optional field. A change of a threshold input (5K,
/// threshold pace or heart rate, max or resting heart rate) recomputes every stored load of the athlete in the same transaction.
enum AthleteUpdate: GoFastMethod {
    static let name = "athlete.update"
    static let access = RPCMethod.Access.write
    static let isIdempotent = true

    struct Params: Decodable {
        var id: String
        var name: String?
        var timeZone: String?
        var email: String?
        var fiveKTimeSeconds: Double?
        var maxHeartRate: Int?
        var restingHeartRate: Int?
        var thresholdPaceSecondsPerKm: Double?
        var thresholdHeartRate: Int?
    }

    static func handle(_ params: Params, _ call: MethodCall) async throws -> Athlete {
        let raw = call.request.params
        let cleared = Set(["email", "fiveKTimeSeconds", "maxHeartRate", "restingHeartRate", "thresholdPaceSecondsPerKm", "thresholdHeartRate"].filter { raw?[$0] == .null })
        for required in ["name", "timeZone"] where raw?[required] == .null {
            throw RPCError.invalidParams(field: required, reason: "cannot be cleared")
        }
        let name = try params.name.map { value throws(RPCError) in try Validation.text(value, field: "name") }
        let zone = try params.timeZone.map { value throws(RPCError) in try AthleteInputs.timeZone(value, field: "timeZone") }
        let email = try params.email.map { value throws(RPCError) in try Validation.email(value, field: "email") }
        let fiveKTime = try params.fiveKTimeSeconds.map { value throws(RPCError) in try AthleteInputs.fiveK(value) }
        let maxHR = try params.maxHeartRate.map { value throws(RPCError) in try AthleteInputs.maxHeartRate(value) }
        let restingHR = try params.restingHeartRate.map { value throws(RPCError) in try AthleteInputs.restingHeartRate(value) }
        let thresholdPace = try params.thresholdPaceSecondsPerKm.map { value throws(RPCError) in try AthleteInputs.thresholdPace(value) }
        let thresholdHR = try params.thresholdHeartRate.map { value throws(RPCError) in try AthleteInputs.thresholdHeartRate(value) }
        let now = call.context.clock.timestamp()
        return try await call.database.updateAthlete(id: params.id) { athlete in
            if let name { athlete.name = name }
            if let zone { athlete.timeZone = zone }
            if let email { athlete.email = email } else if cleared.contains("email") { athlete.email = nil }
            if let fiveKTime { athlete.fiveKTimeSeconds = fiveKTime } else if cleared.contains("fiveKTimeSeconds") { athlete.fiveKTimeSeconds = nil }
            if let maxHR { athlete.maxHeartRate = maxHR } else if cleared.contains("maxHeartRate") { athlete.maxHeartRate = nil }
            if let restingHR { athlete.restingHeartRate = restingHR } else if cleared.contains("restingHeartRate") { athlete.restingHeartRate = nil }
            if let thresholdPace { athlete.thresholdPaceSecondsPerKm = thresholdPace } else if cleared.contains("thresholdPaceSecondsPerKm") { athlete.thresholdPaceSecondsPerKm = nil }
            if let thresholdHR { athlete.thresholdHeartRate = thresholdHR } else if cleared.contains("thresholdHeartRate") { athlete.thresholdHeartRate = nil }
            try AthleteInputs.checkHeartRates(athlete)
            athlete.updatedAt = now
        } recomputingLoadsWith: { before, after in
            let thresholds = LoadThresholds(after)
            return thresholds == LoadThresholds(before) ? nil : TrainingLoadCalculator(thresholds: thresholds)
        }
    }
}
