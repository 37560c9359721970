import JSONRPC
import TrainingDomain

/// `race.create`, `race.get`, `race.list`.
enum RaceHandlers {
    struct CreateParams: Decodable {
        var id: String?
        var name: String
        var date: CalendarDate
        var distanceMeters: Double
        var location: String?
    }

    static func methods(_ context: ServerContext) -> [RPCMethod] {
        [
            RPCMethod("race.create", access: .write) { request in
                let params = try request.decodeParams(CreateParams.self)
                let race = try makeRace(
                    id: params.id, name: params.name, date: params.date, distanceMeters: params.distanceMeters,
                    location: params.location, fieldPrefix: "", context: context
                )
                return try .encoding(try await context.database.insertRace(race))
            },
            RPCMethod("race.get", access: .read) { request in
                let params = try request.decodeParams(AthleteHandlers.IdParams.self)
                guard let race = try await context.database.race(id: params.id) else { throw RPCError.notFound("race", id: params.id) }
                return try .encoding(race)
            },
            RPCMethod("race.list", access: .read) { request in
                _ = try request.decodeParams(EmptyParams.self)
                return try .encoding(try await context.database.races())
            },
        ]
    }

    /// A validated race record; `fieldPrefix` is `race.` when the race is inline in another method's params.
    static func makeRace(
        id: String?, name: String, date: CalendarDate, distanceMeters: Double, location: String?, fieldPrefix: String, context: ServerContext
    ) throws(RPCError) -> Race {
        if let id { try Identifiers.validate(id, field: fieldPrefix + "id") }
        let name = try Validation.text(name, field: fieldPrefix + "name")
        let distance = try Validation.number(distanceMeters, in: 100...1_000_000, field: fieldPrefix + "distanceMeters", unit: "metres")
        let location = try location.map { value throws(RPCError) in try Validation.text(value, field: fieldPrefix + "location") }
        return Race(id: id ?? Identifiers.make("race"), name: name, date: date, distanceMeters: distance, location: location, createdAt: context.clock.timestamp())
    }
}
