import JSONRPC
import TrainingDomain

/// Validation of an athlete's fields, shared by `athlete.create` and `athlete.update`, and the athlete lookup every method uses.
enum AthleteInputs {
    /// The athlete with `id`, or `-32001`.
    static func require(_ id: String, _ context: ServerContext) async throws -> Athlete {
        guard let athlete = try await context.database.athlete(id: id) else { throw RPCError.notFound("athlete", id: id) }
        return athlete
    }

    /// Today in the athlete's time zone.
    static func today(of athlete: Athlete, _ context: ServerContext) -> CalendarDate {
        context.clock.today(in: TimeZones.zone(named: athlete.timeZone) ?? .gmt)
    }

    static func timeZone(_ value: String, field: String) throws(RPCError) -> String {
        try Validation.refuseControlCharacters(in: value, field: field)
        guard TimeZones.zone(named: value) != nil else {
            throw RPCError.invalidParams(field: field, reason: "must be an IANA time zone name like \"America/Los_Angeles\", got \"\(Validation.excerpt(value))\"")
        }
        return value
    }

    static func fiveK(_ value: Double) throws(RPCError) -> Double {
        try Validation.number(value, in: 760...3300, field: "fiveKTimeSeconds", unit: "seconds (12:40 to 55:00, VDOT 85 to 15)")
    }

    static func maxHeartRate(_ value: Int) throws(RPCError) -> Int {
        try Validation.integer(value, in: 100...250, field: "maxHeartRate", unit: "bpm")
    }

    static func restingHeartRate(_ value: Int) throws(RPCError) -> Int {
        try Validation.integer(value, in: 20...120, field: "restingHeartRate", unit: "bpm")
    }

    static func thresholdPace(_ value: Double) throws(RPCError) -> Double {
        try Validation.number(value, in: 150...900, field: "thresholdPaceSecondsPerKm", unit: "seconds per km (2:30 to 15:00 per km)")
    }

    static func thresholdHeartRate(_ value: Int) throws(RPCError) -> Int {
        try Validation.integer(value, in: 80...250, field: "thresholdHeartRate", unit: "bpm")
    }

    static func checkHeartRates(_ athlete: Athlete) throws(RPCError) {
        if let resting = athlete.restingHeartRate, let max = athlete.maxHeartRate, resting >= max {
            throw RPCError.invalidParams(field: "restingHeartRate", reason: "must be below maxHeartRate (\(max))")
        }
        if let threshold = athlete.thresholdHeartRate {
            if let max = athlete.maxHeartRate, threshold > max {
                throw RPCError.invalidParams(field: "thresholdHeartRate", reason: "must not be above maxHeartRate (\(max))")
            }
            if let resting = athlete.restingHeartRate, threshold <= resting {
                throw RPCError.invalidParams(field: "thresholdHeartRate", reason: "must be above restingHeartRate (\(resting))")
            }
        }
    }
}
