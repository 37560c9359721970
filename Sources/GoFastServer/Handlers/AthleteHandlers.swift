import JSONRPC
import TrainingDomain

/// `athlete.create`, `athlete.get`, `athlete.update`, `athlete.list`.
enum AthleteHandlers {
    struct CreateParams: Decodable {
        var id: String?
        var name: String
        var timeZone: String
        var email: String?
        var fiveKTimeSeconds: Double?
        var maxHeartRate: Int?
        var restingHeartRate: Int?
    }

    struct IdParams: Decodable {
        var id: String
    }

    struct UpdateParams: Decodable {
        var id: String
        var name: String?
        var timeZone: String?
        var email: String?
        var fiveKTimeSeconds: Double?
        var maxHeartRate: Int?
        var restingHeartRate: Int?
    }

    static func methods(_ context: ServerContext) -> [RPCMethod] {
        [
            RPCMethod("athlete.create", access: .write) { request in
                let params = try request.decodeParams(CreateParams.self)
                let now = context.clock.timestamp()
                var athlete = Athlete(id: params.id ?? Identifiers.make("ath"), name: "", timeZone: "", createdAt: now, updatedAt: now)
                if let id = params.id { try Identifiers.validate(id, field: "id") }
                athlete.name = try Validation.text(params.name, field: "name")
                athlete.timeZone = try timeZone(params.timeZone, field: "timeZone")
                athlete.email = try params.email.map { value throws(RPCError) in try Validation.email(value, field: "email") }
                athlete.fiveKTimeSeconds = try params.fiveKTimeSeconds.map { value throws(RPCError) in try fiveK(value) }
                athlete.maxHeartRate = try params.maxHeartRate.map { value throws(RPCError) in try maxHeartRate(value) }
                athlete.restingHeartRate = try params.restingHeartRate.map { value throws(RPCError) in try restingHeartRate(value) }
                try checkHeartRates(athlete)
                return try .encoding(try await context.database.insertAthlete(athlete))
            },
            RPCMethod("athlete.get", access: .read) { request in
                let params = try request.decodeParams(IdParams.self)
                guard let athlete = try await context.database.athlete(id: params.id) else { throw RPCError.notFound("athlete", id: params.id) }
                return try .encoding(athlete)
            },
            RPCMethod("athlete.update", access: .write) { request in
                let params = try request.decodeParams(UpdateParams.self)
                let cleared = Set(["email", "fiveKTimeSeconds", "maxHeartRate", "restingHeartRate"].filter { request.params?[$0] == .null })
                for required in ["name", "timeZone"] where request.params?[required] == .null {
                    throw RPCError.invalidParams(field: required, reason: "cannot be cleared")
                }
                let name = try params.name.map { value throws(RPCError) in try Validation.text(value, field: "name") }
                let zone = try params.timeZone.map { value throws(RPCError) in try timeZone(value, field: "timeZone") }
                let email = try params.email.map { value throws(RPCError) in try Validation.email(value, field: "email") }
                let fiveKTime = try params.fiveKTimeSeconds.map { value throws(RPCError) in try fiveK(value) }
                let maxHR = try params.maxHeartRate.map { value throws(RPCError) in try maxHeartRate(value) }
                let restingHR = try params.restingHeartRate.map { value throws(RPCError) in try restingHeartRate(value) }
                let now = context.clock.timestamp()
                do {
                    let athlete = try await context.database.updateAthlete(id: params.id) { athlete in
                        if let name { athlete.name = name }
                        if let zone { athlete.timeZone = zone }
                        if let email { athlete.email = email } else if cleared.contains("email") { athlete.email = nil }
                        if let fiveKTime { athlete.fiveKTimeSeconds = fiveKTime } else if cleared.contains("fiveKTimeSeconds") { athlete.fiveKTimeSeconds = nil }
                        if let maxHR { athlete.maxHeartRate = maxHR } else if cleared.contains("maxHeartRate") { athlete.maxHeartRate = nil }
                        if let restingHR { athlete.restingHeartRate = restingHR } else if cleared.contains("restingHeartRate") { athlete.restingHeartRate = nil }
                        try checkHeartRates(athlete)
                        athlete.updatedAt = now
                    }
                    return try .encoding(athlete)
                }
            },
            RPCMethod("athlete.list", access: .read) { request in
                _ = try request.decodeParams(EmptyParams.self)
                return try .encoding(try await context.database.athletes())
            },
        ]
    }

    static func timeZone(_ value: String, field: String) throws(RPCError) -> String {
        guard TimeZones.zone(named: value) != nil else {
            throw RPCError.invalidParams(field: field, reason: "must be an IANA time zone name like \"America/Los_Angeles\", got \"\(value.prefix(64))\"")
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

    static func checkHeartRates(_ athlete: Athlete) throws(RPCError) {
        if let resting = athlete.restingHeartRate, let max = athlete.maxHeartRate, resting >= max {
            throw RPCError.invalidParams(field: "restingHeartRate", reason: "must be below maxHeartRate (\(max))")
        }
    }
}

/// Params of a method that takes none (unknown members are ignored).
struct EmptyParams: Decodable {}
