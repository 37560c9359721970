import JSONRPC
import TrainingDomain

/// `athlete.create`: a runner with a name, an IANA time zone and optional fitness markers.
enum AthleteCreate: GoFastMethod {
    static let name = "athlete.create"
    static let access = RPCMethod.Access.write
    static let isIdempotent = true

    struct Params: Decodable {
        var id: String?
        var name: String
        var timeZone: String
        var email: String?
        var fiveKTimeSeconds: Double?
        var maxHeartRate: Int?
        var restingHeartRate: Int?
        var thresholdPaceSecondsPerKm: Double?
        var thresholdHeartRate: Int?
    }

    static func handle(_ params: Params, _ call: MethodCall) async throws -> Athlete {
        let now = call.context.clock.timestamp()
        if let id = params.id { try Identifiers.validate(id, field: "id") }
        var athlete = Athlete(id: params.id ?? Identifiers.make("ath"), name: "", timeZone: "", createdAt: now, updatedAt: now)
        athlete.name = try Validation.text(params.name, field: "name")
        athlete.timeZone = try AthleteInputs.timeZone(params.timeZone, field: "timeZone")
        athlete.email = try params.email.map { value throws(RPCError) in try Validation.email(value, field: "email") }
        athlete.fiveKTimeSeconds = try params.fiveKTimeSeconds.map { value throws(RPCError) in try AthleteInputs.fiveK(value) }
        athlete.maxHeartRate = try params.maxHeartRate.map { value throws(RPCError) in try AthleteInputs.maxHeartRate(value) }
        athlete.restingHeartRate = try params.restingHeartRate.map { value throws(RPCError) in try AthleteInputs.restingHeartRate(value) }
        athlete.thresholdPaceSecondsPerKm = try params.thresholdPaceSecondsPerKm.map { value throws(RPCError) in try AthleteInputs.thresholdPace(value) }
        athlete.thresholdHeartRate = try params.thresholdHeartRate.map { value throws(RPCError) in try AthleteInputs.thresholdHeartRate(value) }
        try AthleteInputs.checkHeartRates(athlete)
        return try await call.database.insertAthlete(athlete)
    }
}
